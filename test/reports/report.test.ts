import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, payloadOf, step, type Ids } from '../helpers/records.js';

const REPORT = `query($y: Int!, $s: ReportScope) { achievementReport(year: $y, scope: $s) {
  subject
  ranked { rank achievement { id __typename title status year } }
  totals { achievements awards honours peopleAwarded womenAwarded byLevel { level count } }
  donations { kind text donors approximate recordIds }
  streaks { name level years fromYear toYear department { code } }
  comparison { previousYear achievementsDelta }
  narrative { heading text sentences { text recordIds } }
  markdown
} }`;

interface ReportData {
  subject: string;
  ranked: { rank: number; achievement: { id: string; title: string; status: string; year: number } }[];
  totals: { achievements: number; awards: number; honours: number; peopleAwarded: number; byLevel: { level: string; count: number }[] };
  donations: { kind: string; text: string; donors: number; recordIds: string[] }[];
  streaks: { name: string; level: string; years: number; fromYear: number; toYear: number; department: { code: string } | null }[];
  comparison: { previousYear: number; achievementsDelta: number };
  narrative: { heading: string; text: string; sentences: { text: string; recordIds: string[] }[] }[];
  markdown: string;
}

describe('achievement report', () => {
  let t: TestServer;
  let ids: Ids;
  let viewer: string;
  const report = async (year: number, scope?: Record<string, unknown>) => {
    const res = await t.gql(REPORT, { y: year, s: scope }, viewer);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return (res.data as { achievementReport: ReportData }).achievementReport;
  };

  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    viewer = t.tokenFor('VIEWER');
  });
  after(() => t.stop());

  describe('on the seeded 2020 data', () => {
    let r: ReportData;
    let text: string;
    before(async () => {
      r = await report(2020);
      text = r.narrative.map((p) => p.text).join('\n');
    });

    it('states every award and title of the reference paragraphs with person, level and grade', () => {
      for (const phrase of [
        '高圣艳在浙江省和全国医药行业特有职业技能竞赛中分别荣获二等奖，被授予“浙江省医药行业技术能手”称号',
        '“桐君堂杯”中药材真伪鉴别全国大赛中获得多项奖项',
        // As the reference report writes it, word for word.
        '尤志新和王志刚分别在同德住培讲课和中医药大学教学实习讲课中荣获二、三等奖',
        '杜鸣获省中西医结合医联体读片系列赛二等奖',
        '沈晓青获市超声技能大赛三等奖',
        '张方璐获市中医综合技能竞赛一等奖',
        '奕丽娜获市重症技能比赛二等奖',
        '张润哲获市设备技能大赛三等奖',
        // One person's results of two kinds: each kind's results together, the larger first.
        '陈宴同时荣获市微型党课和卫生系统微型党课二、三等奖及征文比赛一等奖',
        '倪国强、娄坚江分获市直卫生健康系统书法比赛二等奖和优胜奖',
        '陈伟栋获省医学会放射学分会“云影杯”摄影大赛三等奖',
        // The union's own events, as the reference names them.
        '组织全院职工冬季趣味运动会及市级医院篮球邀请赛。',
      ]) {
        expect(text).to.include(phrase);
      }
      expect(r.totals).to.deep.include({ achievements: 17, awards: 16, honours: 1 });
    });

    it('gives a ranked record’s bookkeeping (revisions, logs, actors, timestamps) as the record itself does', async () => {
      const fields = 'id revision history { revision } statusLog { status at } enteredBy { username } verifiedBy { username } verifiedAt createdAt updatedAt ... on Honour { stateLog { state } }';
      const res = await t.gql<{ achievementReport: { ranked: { achievement: { id: string; statusLog: unknown[] } }[] } }>(`{ achievementReport(year: 2020) { ranked { achievement { ${fields} } } } }`, {}, viewer);
      expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
      const ranked = res.data!.achievementReport.ranked.map((x) => x.achievement);
      expect(ranked).to.have.length(r.ranked.length);
      for (const achievement of ranked) {
        expect(achievement.statusLog, achievement.id).to.have.length.greaterThan(0);
        const alone = await t.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { ... on Achievement { ${fields} } } }`, { id: achievement.id }, viewer);
        expect(achievement).to.deep.equal(alone.data!.node);
      }
    });

    it("finds 中药剂科's three-year national streak and states it", () => {
      expect(r.streaks).to.deep.include({ name: '中药剂科', level: 'NATIONAL', years: 3, fromYear: 2018, toYear: 2020, department: { code: 'ZYJK' } });
      expect(text).to.include('中药剂科已连续三年在全国赛事上获奖，今年再次');
    });

    it('summarises the donations: 108 people / 27800 ml, 28 registrations, 300余 books', () => {
      expect(text).to.include('108位职工献血27800毫升');
      expect(text).to.include('28名医务人员集体登记捐献造血干细胞');
      expect(text).to.include('捐书300余本');
      const books = r.donations.find((d) => d.kind === 'BOOKS')!;
      expect(books.text).to.equal('300余本');
      expect(r.donations.find((d) => d.kind === 'BLOOD')).to.deep.include({ text: '27800毫升', donors: 108 });
    });

    it('backs every sentence with ids of existing records of that year', async () => {
      const rankedIds = new Set(r.ranked.map((x) => x.achievement.id));
      const donationIds = new Set(r.donations.flatMap((d) => d.recordIds));
      for (const s of r.narrative.flatMap((p) => p.sentences)) {
        expect(s.recordIds.length, s.text).to.be.greaterThan(0);
        for (const id of s.recordIds) {
          const node = await t.gql(`query($id: ID!) { node(id: $id) { __typename ... on Achievement { year status } ... on Donation { given: year status } ... on Competition { heldIn: year hostedByUnion } } }`, { id }, viewer);
          expect(node.errors, JSON.stringify(node.errors)).to.equal(undefined);
          const { given, ...found } = (node.data as { node: { __typename: string; year?: number; given?: number; heldIn?: number; status?: string; hostedByUnion?: boolean } }).node;
          if (given !== undefined) found.year = given;
          // The union's own events are competitions it held; everything else a verified record.
          if (found.__typename === 'Competition') {
            expect(found, s.text).to.deep.equal({ __typename: 'Competition', heldIn: 2020, hostedByUnion: true });
            continue;
          }
          expect(rankedIds.has(id) || donationIds.has(id), `${id} in “${s.text}”`).to.equal(true);
          expect(found).to.deep.include({ year: 2020, status: 'VERIFIED' });
        }
      }
    });

    it('ranks national first and compares with the previous year', () => {
      expect(r.ranked[0].achievement.title).to.include('全国');
      expect(r.ranked.map((x) => x.rank)).to.deep.equal(r.ranked.map((_, i) => i + 1));
      expect(r.comparison.previousYear).to.equal(2019);
      expect(r.comparison.achievementsDelta).to.equal(16);
    });
  });

  describe('honest demo data', () => {
    it('states no figure the reference report does not: every number of the drafted paragraphs is in it', async function () {
      const file = path.join('..', 'shared', 'reference', 'shaoxing-tcm-hospital-union-report-2020.txt');
      if (!fs.existsSync(file)) this.skip(); // the reference lives beside the project, not in it
      const reference = fs.readFileSync(file, 'utf8');
      const r = await report(2020);
      // The overview's counts are the registry's own arithmetic over the records; the
      // paragraphs state the facts, and each of their figures must come from the report.
      const stated = r.narrative.filter((p) => p.heading !== '概况').flatMap((p) => p.sentences.map((s) => s.text));
      expect(stated.length).to.be.greaterThan(5);
      for (const sentence of stated) {
        for (const figure of sentence.match(/\d+/g) ?? []) expect(reference, `${figure} in “${sentence}”`).to.include(figure);
      }
    });
  });

  describe('on crafted data', () => {
    const year = 2016;
    let verifiedId: string;
    before(async () => {
      const admin = t.tokenFor('ADMIN');
      const comp = await createCompetition(t, { name: '报告测试赛', level: 'PROVINCIAL', year });
      const add = async (staff: string, grade: string) => (await createAward(t, { competitionId: comp, personIds: [ids.person[staff]], grade, date: `${year}-05-05` })).payload!.award as { id: string };
      verifiedId = (await add('Z0119', 'FIRST')).id;
      await step(t, 'awardSubmit', verifiedId, admin);
      await step(t, 'awardVerify', verifiedId, t.tokenFor('VERIFIER'));
      await add('Z0120', 'SECOND'); // a draft
      const returned = await add('Z0121', 'THIRD');
      await step(t, 'awardSubmit', returned.id, admin);
      await step(t, 'awardReturn', returned.id, admin, { reason: '退回' });
      const donation = payloadOf(await t.gql(`mutation { donationRecord(input: { kind: BOOKS, donorCount: 5, quantity: 50, approximate: true, date: "2015-04-01" }) { donation { id } userErrors { message } } }`, {}, admin), 'donationRecord');
      const did = (donation.donation as { id: string }).id;
      await step(t, 'donationSubmit', did, admin);
      await step(t, 'donationVerify', did, t.tokenFor('VERIFIER'));
    });

    it('counts only verified records', async () => {
      const r = await report(year);
      expect(r.ranked.map((x) => x.achievement.id)).to.deep.equal([verifiedId]);
      expect(r.totals.achievements).to.equal(1);
      const text = r.narrative.map((p) => p.text).join('');
      expect(text).to.include('周雅琴获省报告测试赛一等奖。');
      expect(text).to.not.include('钱永康'); // the draft
      expect(text).to.not.include('孙慧敏'); // the returned one
    });

    it('respects a department or union-group scope', async () => {
      const xyjk = await report(year, { departmentId: ids.department.XYJK });
      expect(xyjk.subject).to.equal('西药剂科');
      expect(xyjk.ranked).to.have.length(1);
      const zyjk = await report(year, { departmentId: ids.department.ZYJK });
      expect(zyjk.ranked).to.have.length(0);
      const group = await report(year, { unionGroupId: ids.unionGroup.YJ });
      expect(group.ranked).to.have.length(1);
      const both = await t.gql(REPORT, { y: year, s: { departmentId: ids.department.XYJK, unionGroupId: ids.unionGroup.YJ } }, viewer);
      expect(errorCode(both)).to.equal('BAD_USER_INPUT');
    });

    it('says plainly when a year has nothing, and handles a year with only donations', async () => {
      const empty = await report(2005);
      expect(empty.narrative).to.have.length(1);
      expect(empty.narrative[0].text).to.equal('2005年度，我院暂无经审核的获奖和荣誉记录。');
      const onlyDonations = await report(2015);
      expect(onlyDonations.ranked).to.deep.equal([]);
      expect(onlyDonations.narrative.map((p) => p.heading)).to.deep.equal(['获奖与荣誉', '爱心奉献']);
      expect(onlyDonations.narrative[1].text).to.equal('全院5位职工捐书50余本。');
    });
  });

  describe('exports', () => {
    it('serves Markdown and a .docx whose text is the narrative, with the same auth', async () => {
      expect((await fetch(`${t.url}/reports/2020/achievements.md`)).status).to.equal(401);
      const invalid = await fetch(`${t.url}/reports/2020/achievements.md`, { headers: { authorization: 'Bearer nonsense' } });
      expect(invalid.status).to.equal(401);
      expect(((await invalid.json()) as { errors: { message: string }[] }).errors[0].message).to.match(/令牌无效或已过期/);
      const malformed = await fetch(`${t.url}/exports/achievements.csv`, { headers: { authorization: 'Token abc' } });
      expect(malformed.status).to.equal(401);
      expect(((await malformed.json()) as { errors: { message: string }[] }).errors[0].message).to.match(/Bearer <令牌>/);
      expect((await fetch(`${t.url}/reports/abcd/achievements.md`, { headers: { authorization: `Bearer ${viewer}` } })).status).to.equal(400);
      expect((await fetch(`${t.url}/reports/2020/achievements.pdf`, { headers: { authorization: `Bearer ${viewer}` } })).status).to.equal(404);
      const md = await fetch(`${t.url}/reports/2020/achievements.md`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(md.headers.get('content-type')).to.match(/^text\/markdown/);
      const markdown = await md.text();
      expect(markdown).to.include('# 2020年度绍兴市中医院工会工作成绩');
      // The demo institution's reports say what they are.
      expect(markdown).to.include('> 演示数据：');
      expect(markdown).to.include('中药剂科已连续三年在全国赛事上获奖');
      expect(markdown).to.include('| 1 | 国家级 |');

      const scoped = await fetch(`${t.url}/reports/2020/achievements.docx?departmentId=${encodeURIComponent(ids.department.ZYJK)}`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(scoped.status).to.equal(200);
      const docx = await fetch(`${t.url}/reports/2020/achievements.docx`, { headers: { authorization: `Bearer ${viewer}` } });
      expect(docx.headers.get('content-type')).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const files = unzipSync(new Uint8Array(await docx.arrayBuffer()));
      expect(Object.keys(files)).to.include.members(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']);
      const xml = strFromU8(files['word/document.xml']);
      const plain = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(plain).to.include('2020年度绍兴市中医院工会工作成绩');
      expect(plain).to.include('演示数据：');
      expect(plain).to.include('高圣艳在浙江省和全国医药行业特有职业技能竞赛中分别荣获二等奖');
      expect(plain).to.include('108位职工献血27800毫升');
      expect(xml).to.include('w:eastAsia="仿宋_GB2312"');
      expect(plain).to.include('获奖与荣誉清单');
      // Every table of the Markdown is in the .docx too, with fixed column widths.
      for (const text of ['统计', '本年', '上年', '合计', '捐赠', '献血', '27800毫升', '获奖职工']) expect(plain, text).to.include(text);
      expect(xml).to.include('w:tblLayout w:type="fixed"');
    });
  });

  describe('ranking policy', () => {
    it('is ADMIN-editable, audited, validated, and re-ranks the list', async () => {
      const update = `mutation($i: RankingPolicyInput!) { rankingPolicyUpdate(input: $i) { policy { levelOrder } reranked userErrors { field message } } }`;
      const levels = ['INTERNATIONAL', 'NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT', 'TOWN', 'INSTITUTION', 'UNSPECIFIED'];
      const tiers = [['SPECIAL'], ['FIRST', 'GOLD', 'CHAMPION'], ['SECOND', 'SILVER', 'RUNNER_UP'], ['THIRD', 'BRONZE', 'THIRD_PLACE'], ['EXCELLENCE'], ['MERIT'], ['EXCELLENT_ORGANISATION'], ['ORGANISATION']];
      expect(errorCode(await t.gql(update, { i: { levelOrder: levels, gradeTiers: tiers } }, t.tokenFor('VERIFIER')))).to.equal('FORBIDDEN');
      const bad = payloadOf(await t.gql(update, { i: { levelOrder: levels.slice(1), gradeTiers: tiers } }, t.tokenFor('ADMIN')), 'rankingPolicyUpdate');
      expect(bad.userErrors[0].field).to.deep.equal(['input', 'levelOrder']);
      // Municipal above provincial (a policy a municipal union might want): the list follows.
      const swapped = ['INTERNATIONAL', 'NATIONAL', 'MUNICIPAL', 'PROVINCIAL', 'DISTRICT', 'TOWN', 'INSTITUTION', 'UNSPECIFIED'];
      const ok = payloadOf(await t.gql(update, { i: { levelOrder: swapped, gradeTiers: tiers } }, t.tokenFor('ADMIN')), 'rankingPolicyUpdate');
      expect(ok.userErrors).to.deep.equal([]);
      expect(ok.reranked).to.be.greaterThan(0);
      const levelsInOrder = (await report(2020)).ranked.map((x) => x.achievement.title);
      const firstMunicipal = levelsInOrder.indexOf('超声技能大赛');
      const firstProvincial = levelsInOrder.indexOf('中西医结合医联体读片系列赛');
      expect(firstMunicipal).to.be.lessThan(firstProvincial);
      const audit = await t.gql(`{ auditLog(filter: { operation: "rankingPolicyUpdate" }) { totalCount } }`, {}, t.tokenFor('ADMIN'));
      expect(audit.data).to.deep.equal({ auditLog: { totalCount: 1 } });
      // and back
      await t.gql(update, { i: { levelOrder: levels, gradeTiers: tiers } }, t.tokenFor('ADMIN'));
      expect((await report(2020)).ranked[0].achievement.title).to.include('全国');
    });
  });
});
