// Facts other hospitals' reports state: 冠军/亚军/季军 and organisation awards as results,
// divisions inside a contest, a competition's edition and sector, bodies of the institution
// (工会, 团委) as recipients, and a title held by a number of staff. Each through the
// mutation, the report, the export and the import.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { withEveryTerm } from '../../src/modules/achievements/policy.js';
import { createAward, createCompetition, payloadOf, step, useDemoServer } from '../helpers/records.js';

const CONFER = `mutation($i: HonourConferInput!) { honourConfer(input: $i) { honour { id holderCount holderNoun } userErrors { field code message } } }`;

describe('results, divisions, bodies and holder counts', () => {
  const demo = useDemoServer();
  const verify = async (mutation: 'award' | 'honour', id: string) => {
    await step(demo.t, `${mutation}Submit`, id, demo.t.tokenFor('ADMIN'));
    await step(demo.t, `${mutation}Verify`, id, demo.t.tokenFor('VERIFIER'));
  };
  const draft = async (year: number) => {
    const res = await demo.t.gql<{ achievementReport: { narrative: { text: string }[] } }>('query($y: Int!) { achievementReport(year: $y) { narrative { text } } }', { y: year }, demo.t.tokenFor('VIEWER'));
    return res.data!.achievementReport.narrative.map((p) => p.text).join('\n');
  };
  /** The honours sheet of the records export: its headers, and the row of one title as a reader gets it. */
  const exportedHonour = async (title: string, query = '') => {
    const res = await fetch(`${demo.t.url}/exports/records.xlsx${query}`, { headers: { authorization: `Bearer ${demo.t.tokenFor('ADMIN')}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows = book.worksheets.find((w) => w.name === '荣誉称号')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    const [headers, ...data] = rows;
    const row = data.find((r) => r[headers.indexOf('称号')] === title)!;
    return { headers, row, cell: (header: string) => row[headers.indexOf(header)] };
  };
  /** A dry-run import of one honours row: its outcome and errors. */
  const reimportHonour = async (headers: string[], row: string[]) => {
    const back = new ExcelJS.Workbook();
    back.addWorksheet('数据').addRows([headers, row]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await back.xlsx.writeBuffer())]), 'honours.xlsx');
    const res = await fetch(`${demo.t.url}/imports/honours?mode=dryRun`, { method: 'POST', headers: { authorization: `Bearer ${demo.t.tokenFor('ADMIN')}` }, body: form });
    return ((await res.json()) as { rows: { outcome: string; errors: unknown[] }[] }).rows.map((r) => [r.outcome, r.errors]);
  };

  it('ranks 冠军 with 一等奖 and an organisation award after the prizes, also under a policy stored before them', () => {
    const old = { levelOrder: [], gradeTiers: [['SPECIAL'], ['FIRST'], ['GOLD'], ['SECOND', 'SILVER'], ['THIRD', 'BRONZE'], ['EXCELLENCE'], ['MERIT']] } as never;
    const tiers = withEveryTerm(old).gradeTiers;
    expect(tiers.slice(0, 3)).to.deep.equal([['SPECIAL'], ['FIRST', 'CHAMPION'], ['GOLD']]);
    expect(tiers.slice(-2)).to.deep.equal([['EXCELLENT_ORGANISATION'], ['ORGANISATION']]);
    expect(tiers.flat()).to.have.length(14);
  });

  it('records results by division: one per division, the same division twice is a duplicate', async () => {
    const competitionId = await createCompetition(demo.t, { name: '卫生系统职工乒乓球赛', level: 'MUNICIPAL', category: 'SPORTS', year: 2017 });
    const team = await createAward(demo.t, { competitionId, collective: { kind: 'INSTITUTION', team: true }, grade: 'RUNNER_UP', division: '团体', date: '2017-05-20' });
    expect(team.payload!.userErrors).to.deep.equal([]);
    expect(team.payload!.award).to.deep.include({ resultLabel: '团体亚军', grade: 'RUNNER_UP' });
    const women = await createAward(demo.t, { competitionId, collective: { kind: 'INSTITUTION', team: true }, grade: 'RUNNER_UP', division: '女子团体', date: '2017-05-20' });
    expect(women.payload!.userErrors).to.deep.equal([]);
    const again = await createAward(demo.t, { competitionId, collective: { kind: 'INSTITUTION', team: true }, grade: 'RUNNER_UP', division: '团体', date: '2017-05-21' });
    expect(again.payload!.userErrors.map((e) => e.code)).to.deep.equal(['DUPLICATE']);
    await verify('award', (team.payload!.award as { id: string }).id);
    expect(await draft(2017)).to.include('我院代表队获市卫生系统职工乒乓球赛团体亚军。');
  });

  it('names a body of the institution after it (我院团委) and drafts an organisation award', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const created = payloadOf(await demo.t.gql(`mutation { departmentCreate(input: {code: "TW", name: "团委", kind: BODY}) { department { id kind } userErrors { code } } }`, {}, admin), 'departmentCreate');
    expect(created.userErrors).to.deep.equal([]);
    const body = created.department as { id: string; kind: string };
    expect(body.kind).to.equal('BODY');
    const competitionId = await createCompetition(demo.t, { name: '青年文明号创建活动', level: 'NATIONAL', category: 'OTHER', sector: '全国卫生系统', edition: '第二届', year: 2016 });
    const award = await createAward(demo.t, { competitionId, collective: { kind: 'DEPARTMENT', departmentId: body.id }, grade: 'EXCELLENT_ORGANISATION', date: '2016-11-10' });
    expect(award.payload!.userErrors).to.deep.equal([]);
    await verify('award', (award.payload!.award as { id: string }).id);
    expect(await draft(2016)).to.include('我院团委获全国卫生系统第二届青年文明号创建活动优秀组织奖。');
    const dept = payloadOf(await demo.t.gql(`query($id: ID!) { node(id: $id) { ... on Department { kind } } }`, { id: body.id }, admin), 'node');
    expect(dept).to.deep.equal({ kind: 'BODY' });
  });

  it('states a title held by a number of staff as the count, and refuses a count on a person', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const base = { title: '越州护理能手', honourKind: 'OTHER', level: 'MUNICIPAL', year: 2015, date: '2015-09-12' };
    const onPerson = payloadOf(await demo.t.gql(CONFER, { i: { ...base, personId: demo.ids.person.Z0105, holderCount: 3 } }, admin), 'honourConfer');
    expect(onPerson.userErrors.map((e) => [e.field.join('.'), e.code])).to.deep.equal([['input.holderCount', 'INVALID']]);
    const one = payloadOf(await demo.t.gql(CONFER, { i: { ...base, collective: { kind: 'INSTITUTION' }, holderCount: 1 } }, admin), 'honourConfer');
    expect(one.userErrors.map((e) => e.field.join('.'))).to.deep.equal(['input.holderCount']);
    const ok = payloadOf(await demo.t.gql(CONFER, { i: { ...base, collective: { kind: 'INSTITUTION' }, holderCount: 12, holderNoun: '护士' } }, admin), 'honourConfer');
    expect(ok.userErrors).to.deep.equal([]);
    expect(ok.honour).to.deep.include({ holderCount: 12, holderNoun: '护士' });
    await verify('honour', (ok.honour as { id: string }).id);
    expect(await draft(2015)).to.include('我院12名护士被授予“越州护理能手”称号。');
  });

  it('exports division, edition, sector and holder counts in the import layouts, and imports them back unchanged', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const get = async (path: string) => (await fetch(`${demo.t.url}${path}`, { headers: { authorization: `Bearer ${admin}` } })).text();
    const awards = await get('/exports/achievements.csv?year=2016');
    expect(awards.split('\n')[0]).to.include('届次,系统').and.include('奖项/名次,组别');
    expect(awards).to.include('第二届,全国卫生系统').and.include('优秀组织奖,');
    const sports = await get('/exports/achievements.csv?year=2017');
    expect(sports).to.include(',亚军,团体,').and.include(',亚军,女子团体,');
    for (const csv of [awards, sports]) {
      const form = new FormData();
      form.append('file', new Blob([csv]), 'awards.csv');
      const job = (await (await fetch(`${demo.t.url}/imports/awards?mode=dryRun`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form })).json()) as { rows: { outcome: string; errors: unknown[] }[] };
      expect(job.rows.length).to.be.greaterThan(0);
      expect(job.rows.filter((r) => r.outcome !== 'UNCHANGED')).to.deep.equal([]);
    }
    // A new row of the sheet with a division and the competition's edition and sector.
    const header = awards.split('\n')[0];
    const cells: Record<string, string> = { 竞赛名称: '西溪区职工羽毛球邀请赛', 品牌: '莲花杯', 届次: '第三届', 系统: '', 级别: '区县级', 类别: '体育', 集体: '全院代表队', '奖项/名次': '优胜奖', 组别: '企业组', 获奖日期: '2016-10-15' };
    const row = header.split(',').map((h) => cells[h.trim()] ?? '').join(',');
    const form = new FormData();
    form.append('file', new Blob([`${header}\n${row}\n`]), 'awards.csv');
    const job = (await (await fetch(`${demo.t.url}/imports/awards?mode=commit`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form })).json()) as { rows: { outcome: string; recordId: string; errors: unknown[] }[] };
    expect(job.rows.map((r) => [r.outcome, r.errors])).to.deep.equal([['CREATE', []]]);
    await verify('award', job.rows[0].recordId);
    expect(await draft(2016)).to.include('我院代表队获第三届“莲花杯”西溪区职工羽毛球邀请赛企业组优胜奖');
  });

  it('exports a holder count on the honours sheet, and imports that sheet back unchanged', async () => {
    const held = await exportedHonour('越州护理能手', '?year=2015');
    expect([held.cell('人数'), held.cell('人员称谓'), held.cell('集体')]).to.deep.equal(['12', '护士', '全院']);
    expect(await reimportHonour(held.headers, held.row)).to.deep.equal([['UNCHANGED', []]]);
  });

  it('drafts the union’s own events with their participants, and keeps the rules of who may say so', async () => {
    const create = `mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { competition { id hostedByUnion participants participantsApprox } userErrors { field code } } }`;
    const base = { level: 'INSTITUTION', category: 'SPORTS', year: 2014 };
    const admin = demo.t.tokenFor('ADMIN');
    const clerk = demo.t.tokenFor('CLERK', { wholeInstitution: true });
    expect((await demo.t.gql(create, { i: { ...base, name: '职工冬季趣味运动会', hostedByUnion: true } }, clerk)).errors?.[0].extensions?.code).to.equal('FORBIDDEN');
    const codes = async (i: Record<string, unknown>) => (payloadOf(await demo.t.gql(create, { i: { ...base, ...i } }, admin), 'competitionCreate').userErrors as { field: string[]; code: string }[]).map((e) => `${e.field.join('.')}:${e.code}`);
    expect(await codes({ name: '院内征文比赛', participants: 30 })).to.deep.equal(['input.participants:INVALID']);
    expect(await codes({ name: '院内演讲比赛', hostedByUnion: true, participantsApprox: 'OVER' })).to.deep.equal(['input.participantsApprox:INVALID']);
    expect(await codes({ name: '全市职工拔河赛', hostedByUnion: true, shared: true })).to.deep.equal(['input.hostedByUnion:INVALID']);
    const games = payloadOf(await demo.t.gql(create, { i: { ...base, name: '冬季趣味运动会', hostedByUnion: true, participants: 200, participantsApprox: 'OVER' } }, admin), 'competitionCreate');
    expect(games.competition).to.deep.include({ hostedByUnion: true, participants: 200, participantsApprox: 'OVER' });
    expect(await codes({ name: '技能练兵月', category: 'SKILLS', hostedByUnion: true, participants: 100, participantsApprox: 'NEARLY' })).to.deep.equal([]);
    const text = await draft(2014);
    expect(text).to.include('组织全院职工冬季趣味运动会，参赛职工200余人。');
    expect(text).to.include('组织全院职工技能练兵月，参赛职工近百人。');
    // Its count cannot outlive the event being the union's own.
    const update = payloadOf(await demo.t.gql(`mutation($i: CompetitionUpdateInput!) { competitionUpdate(input: $i) { userErrors { field code } } }`, { i: { id: (games.competition as { id: string }).id, hostedByUnion: null } }, admin), 'competitionUpdate');
    expect(update.userErrors).to.deep.equal([{ field: ['input', 'participants'], code: 'INVALID' }]);
  });

  it('lists a title held since an unknown year on its holder and counts it in no year', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const confer = `mutation($i: HonourConferInput!) { honourConfer(input: $i) { honour { id year sinceUnknown } userErrors { field code } } }`;
    const base = { title: '浙江省青年岗位能手', honourKind: 'OTHER', level: 'PROVINCIAL', personId: demo.ids.person.Z0104 };
    const codes = async (i: Record<string, unknown>) => (payloadOf(await demo.t.gql(confer, { i: { ...base, ...i } }, admin), 'honourConfer').userErrors as { field: string[]; code: string }[]).map((e) => `${e.field.join('.')}:${e.code}`);
    expect(await codes({})).to.deep.equal(['input.year:REQUIRED']);
    expect(await codes({ sinceUnknown: true, year: 2015 })).to.deep.equal(['input.year:INVALID']);
    expect(await codes({ sinceUnknown: true, date: '2015-03-01' })).to.deep.equal(['input.date:INVALID']);
    const held = payloadOf(await demo.t.gql(confer, { i: { ...base, sinceUnknown: true } }, admin), 'honourConfer');
    expect(held.honour).to.deep.include({ year: null, sinceUnknown: true });
    const id = (held.honour as { id: string }).id;
    await verify('honour', id);
    const person = await demo.t.gql<{ node: { achievements: { edges: { node: { id: string } }[] }; achievementCounts: { year: number }[] } }>(
      `query($id: ID!) { node(id: $id) { ... on Person { achievements(first: 50) { edges { node { id } } } achievementCounts { year } } } }`,
      { id: demo.ids.person.Z0104 },
      admin,
    );
    expect(person.data!.node.achievements.edges.map((e) => e.node.id)).to.include(id);
    expect(person.data!.node.achievementCounts.every((c) => typeof c.year === 'number')).to.equal(true);
    const stats = await demo.t.gql<{ achievementStats: { groups: { year: number | null }[] } }>(`{ achievementStats(filter: {status: VERIFIED}, groupBy: [YEAR]) { groups { year } } }`, {}, admin);
    expect(stats.data!.achievementStats.groups.map((g) => g.year)).to.not.include(null);
    expect(await draft(2020)).to.not.include('浙江省青年岗位能手');
    // The honours sheet says 不详, and takes it back unchanged.
    const standing = await exportedHonour('浙江省青年岗位能手');
    expect(standing.cell('年份')).to.equal('不详');
    expect(await reimportHonour(standing.headers, standing.row)).to.deep.equal([['UNCHANGED', []]]);
  });
});
