// The federation's view: three institutions' years side by side, ranked across them, with a
// system-level draft whose sentences name what they sum over; and the demo sandbox removed
// without touching anything else.
import { expect } from 'chai';
import { strFromU8, unzipSync } from 'fflate';
import { ownedModels } from '../../src/models.js';
import { acrossInstitutions, withinInstitution } from '../../src/shared/tenancy.js';
import { payloadOf } from '../helpers/records.js';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { createInstitution, fillRegistry, type Registry } from './helpers.js';

const REPORT = `query($y: Int!, $ids: [ID!]) { federationReport(year: $y, institutionIds: $ids) {
  year institutionCount
  totals { institution { code name } achievements awards byLevel { level count } peopleAwarded womenAwarded }
  ranked { rank institution { code } achievement { id level } recipients result }
  rankedTotal
  leaders { level institutions { institution { code } count } }
  narrative { text sentences { text institutionIds recordIds } }
  markdown
} }`;

interface FederationReport {
  institutionCount: number;
  totals: { institution: { code: string }; achievements: number; byLevel: { level: string; count: number }[]; peopleAwarded: number; womenAwarded: number }[];
  ranked: { rank: number; institution: { code: string }; achievement: { id: string; level: string }; recipients: string; result: string }[];
  rankedTotal: number;
  leaders: { level: string; institutions: { institution: { code: string }; count: number }[] }[];
  narrative: { text: string; sentences: { text: string; institutionIds: string[]; recordIds: string[] }[] };
  markdown: string;
}

describe('institutions: federation report and demo removal', function () {
  this.timeout(120_000);
  let t: TestServer;
  const hospitals: Registry[] = [];
  const gid = async (r: Registry) => ((await t.gql(`{ institution { id } }`, {}, r.admin)).data as { institution: { id: string } }).institution.id;

  before(async () => {
    t = await startTestServer();
    hospitals.push(await fillRegistry(t, await createInstitution(t, 'H1', '第一医院', { shortName: '一院' }), '一', { level: 'NATIONAL', grade: 'SECOND' }));
    hospitals.push(await fillRegistry(t, await createInstitution(t, 'H2', '第二医院', { shortName: '二院' }), '二', { level: 'PROVINCIAL', grade: 'FIRST' }));
    hospitals.push(await fillRegistry(t, await createInstitution(t, 'H3', '第三医院', { shortName: '三院' }), '三', { level: 'MUNICIPAL', grade: 'FIRST' }));
  });
  after(() => t.stop());

  it('is for the federation roles only', async () => {
    expect(errorCode(await t.gql(REPORT, { y: 2021 }, hospitals[0].admin))).to.equal('FORBIDDEN');
    const unknown = await t.gql(REPORT, { y: 2021, ids: ['SW5zdGl0dXRpb246NjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw'] }, t.tokenFor('FEDERATION_VIEWER'));
    expect(errorCode(unknown)).to.equal('BAD_USER_INPUT');
  });

  it('sets the institutions side by side, ranks across them and drafts the system-level narrative', async () => {
    const res = await t.gql(REPORT, { y: 2021, ids: await Promise.all(hospitals.map(gid)) }, t.tokenFor('FEDERATION_VIEWER'));
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    const r = (res.data as { federationReport: FederationReport }).federationReport;
    expect(r.institutionCount).to.equal(3);
    expect(r.totals.map((x) => [x.institution.code, x.achievements, x.peopleAwarded, x.womenAwarded])).to.deep.equal([
      ['H1', 1, 1, 1],
      ['H2', 1, 1, 1],
      ['H3', 1, 1, 1],
    ]);
    // Totals add up to each institution's own report.
    for (const h of hospitals) {
      const own = (await t.gql(`{ achievementReport(year: 2021) { totals { achievements } } }`, {}, h.admin)).data as { achievementReport: { totals: { achievements: number } } };
      const row = r.totals.find((x) => x.institution.code === h.institution.code)!;
      expect(row.achievements).to.equal(own.achievementReport.totals.achievements);
    }
    // National first, then provincial; the municipal result is not in the cross-institution list.
    expect(r.ranked.map((x) => [x.rank, x.institution.code, x.achievement.level, x.recipients, x.result])).to.deep.equal([
      [1, 'H1', 'NATIONAL', '职工一', '二等奖'],
      [2, 'H2', 'PROVINCIAL', '职工二', '一等奖'],
    ]);
    expect(r.ranked[0].achievement.id).to.equal(hospitals[0].ids.award);
    expect(r.rankedTotal).to.equal(2);
    expect(r.leaders.find((l) => l.level === 'NATIONAL')!.institutions).to.deep.equal([{ institution: { code: 'H1' }, count: 1 }]);
    const [total, people, ...rest] = r.narrative.sentences;
    expect(total.text).to.equal('2021年度，全系统共有3家单位的职工获得各级奖项和荣誉3项，其中国家级1项、省级1项、市级1项。');
    expect(total.institutionIds).to.have.length(3);
    expect(people.text).to.equal('获奖职工3人，其中女职工3人。');
    const highlight = rest.find((s) => s.recordIds.length)!;
    expect(highlight.text).to.equal('其中，一院职工一在药学技能竞赛中荣获二等奖。');
    expect(highlight.recordIds).to.deep.equal([hospitals[0].ids.award]);
    expect(r.markdown).to.include('# 2021年度全系统工会工作成绩汇总');
    expect(r.markdown).to.include('| 第一医院 | 0 | 1 | 0 | 0 | 0 | 0 | 1 | 1 | 1 |');
  });

  it('by default covers every non-demo institution, and exports Markdown and .docx', async () => {
    const token = t.tokenFor('FEDERATION_ADMIN');
    const all = (await t.gql(REPORT, { y: 2020 }, token)).data as { federationReport: FederationReport };
    expect(all.federationReport.totals.map((x) => x.institution.code)).to.deep.equal(['H1', 'H2', 'H3', 'MAIN']);
    expect(all.federationReport.narrative.text).to.equal('2020年度，全系统4家单位暂无经审核的获奖和荣誉记录。');
    const md = await fetch(`${t.url}/reports/2021/federation.md`, { headers: { authorization: `Bearer ${token}` } });
    expect(md.status).to.equal(200);
    expect(await md.text()).to.include('全系统共有3家单位');
    const docx = await fetch(`${t.url}/reports/2021/federation.docx`, { headers: { authorization: `Bearer ${token}` } });
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']);
    expect([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).to.include('国际级、国家级和省级成果清单');
    expect((await fetch(`${t.url}/reports/2021/federation.md`, { headers: { authorization: `Bearer ${hospitals[0].admin}` } })).status).to.equal(403);
  });

  it('removes the demo institution in one confirmed mutation, leaving every other untouched', async () => {
    const demo = t.institutions.demo!;
    const demoToken = t.tokenFor('VIEWER', {}, 'demo-viewer', demo);
    const ownCounts = async () =>
      acrossInstitutions(async () => {
        const counts: Record<string, number> = {};
        for (const model of ownedModels(t.rawModels)) {
          counts[model.modelName] = await (model as unknown as { countDocuments(f: object): Promise<number> }).countDocuments({ institution: { $ne: demo._id } });
        }
        return counts;
      });
    const before = await ownCounts();
    const remove = `mutation($i: InstitutionDeleteInput!) { institutionDelete(input: $i) { deletedInstitutionId deletedDocuments userErrors { field code message } } }`;
    const admin = t.tokenFor('ADMIN', {}, 'home-admin', t.institutions.home);
    const idOf = async (token: string) => (await t.gql<{ institution: { id: string } }>(`{ institution { id } }`, {}, token)).data!.institution.id;
    const demoId = await idOf(demoToken);
    const homeId = await idOf(admin);
    expect(errorCode(await t.gql(remove, { i: { id: demoId, confirmCode: 'DEMO' } }, t.tokenFor('VIEWER', {}, 'v', t.institutions.home)))).to.equal('FORBIDDEN');
    expect(payloadOf(await t.gql(remove, { i: { id: demoId, confirmCode: 'demo' } }, admin), 'institutionDelete').userErrors.map((e) => e.field.join('.'))).to.deep.equal(['input.confirmCode']);
    expect(payloadOf(await t.gql(remove, { i: { id: homeId, confirmCode: 'MAIN' } }, admin), 'institutionDelete').userErrors.map((e) => e.code)).to.deep.equal(['INVALID_STATE']);
    const done = payloadOf(await t.gql(remove, { i: { id: demoId, confirmCode: 'DEMO' } }, admin), 'institutionDelete') as unknown as { deletedInstitutionId: string; deletedDocuments: number };
    expect(done.deletedInstitutionId).to.equal(demoId);
    expect(done.deletedDocuments).to.be.greaterThan(100);
    expect(await t.rawModels.Institution.countDocuments({ _id: demo._id })).to.equal(0);
    expect(await acrossInstitutions(() => t.rawModels.Person.countDocuments({ institution: demo._id }))).to.equal(0);
    const after = await ownCounts();
    // Everything else is as it was, plus the one audit entry of the removal (in the home institution).
    expect({ ...after, AuditEntry: after.AuditEntry - 1 }).to.deep.equal(before);
    expect(await withinInstitution(t.institutions.home._id, () => t.rawModels.AuditEntry.countDocuments({ operation: 'institutionDelete' }))).to.equal(1);
    expect((await t.gql(`{ viewer { username } }`, {}, demoToken)).status).to.equal(401);
  });
});
