// Two institutions with the same department codes and staff numbers: nothing one can read,
// write, export, import or report ever shows or touches the other's records.
import { expect } from 'chai';
import { Types } from 'mongoose';
import { ownedModels } from '../../src/models.js';
import { acrossInstitutions, TenancyError, withinInstitution } from '../../src/shared/tenancy.js';
import { fromGlobalId } from '../../src/shared/ids.js';
import { payloadOf } from '../helpers/records.js';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { createInstitution, fillRegistry, type Registry } from './helpers.js';

const LISTS = `{
  departments(first: 100) { edges { node { id code } } }
  unionGroups(first: 100) { edges { node { id code } } }
  people(first: 100) { edges { node { id staffNumber } } }
  competitions(first: 100) { edges { node { id name } } }
  achievements(first: 100) { edges { node { id title } } }
  donations(first: 100) { edges { node { id } } }
  civilisedPostCampaigns(first: 100) { edges { node { id } } }
  auditLog(first: 100) { edges { node { id entityId } } }
  importJobs(first: 100) { edges { node { id } } }
  users(first: 100) { edges { node { id username } } }
  institutions(first: 100) { edges { node { id code } } }
}`;

/** Every id a list answer holds, as a set. */
function idsIn(data: unknown): Set<string> {
  const found = new Set<string>();
  JSON.stringify(data, (k, v) => {
    if ((k === 'id' || k === 'entityId') && typeof v === 'string') found.add(v);
    return v;
  });
  return found;
}

describe('institutions: isolation', function () {
  this.timeout(120_000);
  let t: TestServer;
  let a: Registry;
  let b: Registry;

  before(async () => {
    t = await startTestServer();
    a = await fillRegistry(t, await createInstitution(t, 'HOSP-A', '甲医院'), 'A');
    b = await fillRegistry(t, await createInstitution(t, 'HOSP-B', '乙医院'), 'B');
  });
  after(() => t.stop());

  it('refuses any query of an institution-owned model outside a tenancy', async () => {
    const owned = ownedModels(t.rawModels);
    expect(owned.map((m) => m.modelName).sort()).to.deep.equal(
      ['Achievement', 'AuditEntry', 'AwardYear', 'CivilisedPostCampaign', 'Competition', 'Department', 'Donation', 'ImportJob', 'Person', 'Setting', 'UnionGroup', 'User'].sort(),
    );
    // Only these live outside any institution.
    const unowned = Object.values(t.rawModels).filter((m) => !owned.includes(m) && !['Award', 'Honour', 'ModelWorkerDesignation'].includes(m.modelName));
    expect(unowned.map((m) => m.modelName).sort()).to.deep.equal(['Institution', 'Migration', 'SignInFailure']);
    for (const model of owned) {
      const m = model as unknown as { find(f: object): Promise<unknown>; aggregate(p: object[]): Promise<unknown>; countDocuments(f: object): Promise<unknown>; create(d: object): Promise<unknown> };
      for (const attempt of [() => m.find({}), () => m.aggregate([{ $match: {} }]), () => m.countDocuments({})]) {
        const err = await Promise.resolve().then(attempt).catch((e) => e);
        expect(err, model.modelName).to.be.instanceOf(TenancyError);
      }
    }
    // Inside one institution, naming another's is refused too.
    const err = await withinInstitution(a.institution._id, () => t.rawModels.Department.create({ code: 'X1', name: '越界', institution: b.institution._id } as never)).catch((e) => e);
    expect(err).to.be.instanceOf(TenancyError);
    expect(await acrossInstitutions(() => t.rawModels.Department.countDocuments({ code: 'X1' }))).to.equal(0);
  });

  it('walks every list of one institution without meeting the other', async () => {
    for (const [mine, theirs] of [
      [a, b],
      [b, a],
    ]) {
      const res = await t.gql(LISTS, {}, mine.admin);
      expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
      const seen = idsIn(res.data);
      for (const id of Object.values(theirs.ids)) expect(seen.has(id), id).to.equal(false);
      for (const id of Object.values(mine.ids)) expect(seen.has(id), id).to.equal(true);
      const data = res.data as { people: { edges: unknown[] }; institutions: { edges: { node: { code: string } }[] } };
      expect(data.people.edges).to.have.length(1);
      expect(data.institutions.edges.map((e) => e.node.code)).to.deep.equal(['DEMO', mine.institution.code]);
    }
  });

  it("shows none of the other institution's people, departments or competitions through a record that names them", async () => {
    // A record corrupted to name B's records (no mutation can write that): A's list must not show them.
    const raw = (id: string) => fromGlobalId(id)!.id;
    type Named = { _id: Types.ObjectId; people: Types.ObjectId[]; departments: Types.ObjectId[]; competition: Types.ObjectId };
    const award = (await withinInstitution(a.institution._id, () => t.rawModels.Achievement.findById(raw(a.ids.award)).lean())) as unknown as Named | null;
    const corrupt = { people: [...award!.people, raw(b.ids.person)], departments: [...award!.departments, raw(b.ids.department)], competition: raw(b.ids.competition) };
    const set = (fields: object) => withinInstitution(a.institution._id, () => t.rawModels.Achievement.collection.updateOne({ _id: award!._id }, { $set: fields }));
    await set(corrupt);
    try {
      const res = await t.gql(`{ achievements(first: 100) { edges { node { id people { id department { id } } departments { id } } } } }`, {}, a.admin);
      expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
      const seen = idsIn(res.data);
      expect(seen.has(a.ids.award) && seen.has(a.ids.person) && seen.has(a.ids.department)).to.equal(true);
      for (const id of [b.ids.person, b.ids.department]) expect(seen.has(id), id).to.equal(false);
      // A competition is required, so the one not found is an error on that field, never B's.
      const named = await t.gql(`{ achievements(first: 100) { edges { node { id ... on Award { competition { id } } } } } }`, {}, a.admin);
      expect(idsIn(named.data).has(b.ids.competition)).to.equal(false);
      expect(named.errors?.map((e) => e.path?.at(-1))).to.deep.equal(['competition']);
    } finally {
      await set({ people: award!.people, departments: award!.departments, competition: award!.competition });
    }
  });

  it("answers node(id) with the other institution's ids as not found", async () => {
    for (const [type, id] of Object.entries(b.ids)) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, a.admin);
      expect(res.errors, type).to.equal(undefined);
      expect((res.data as { node: unknown }).node, type).to.equal(null);
    }
  });

  it("writes nothing into the other institution: its ids are NOT_FOUND and its codes are free", async () => {
    const update = await t.gql(`mutation($i: PersonUpdateInput!) { personUpdate(input: $i) { person { id } userErrors { code } } }`, { i: { id: b.ids.person, name: '改名' } }, a.admin);
    expect(payloadOf(update, 'personUpdate').userErrors.map((e) => e.code)).to.deep.equal(['NOT_FOUND']);
    const award = await t.gql(`mutation($i: AwardCreateInput!) { awardCreate(input: $i) { award { id } userErrors { code field } } }`, { i: { competitionId: b.ids.competition, personIds: [a.ids.person], grade: 'FIRST', date: '2021-05-01' } }, a.admin);
    expect(payloadOf(award, 'awardCreate').userErrors.map((e) => e.code)).to.deep.equal(['NOT_FOUND']);
    const returned = await t.gql(`mutation($i: RecordReturnInput!) { awardReturn(input: $i) { award { id } userErrors { code } } }`, { i: { id: b.ids.award, reason: '越权' } }, a.verifier);
    expect(payloadOf(returned, 'awardReturn').userErrors.map((e) => e.code)).to.deep.equal(['NOT_FOUND']);
    const person = await withinInstitution(b.institution._id, () => t.rawModels.Person.findOne({ staffNumber: 'P001' }).lean());
    expect(person!.name).to.equal('职工B');
  });

  it('imports, exports and reports within the institution only', async () => {
    const csv = '工号,姓名,性别,科室,工会小组,职务职称\r\nP001,职工A改,女,YJK,G1,主管药师\r\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
    const imported = await fetch(`${t.url}/imports/people?mode=commit`, { method: 'POST', headers: { authorization: `Bearer ${a.admin}` }, body: form });
    const job = (await imported.json()) as { counts: { update: number; create: number } };
    expect(job.counts).to.include({ update: 1, create: 0 });
    const people = async (r: Registry) => withinInstitution(r.institution._id, () => t.rawModels.Person.find({}, { name: 1, position: 1 }).lean());
    expect((await people(a)).map((p) => p.name)).to.deep.equal(['职工A改']);
    expect((await people(b)).map((p) => [p.name, p.position ?? null])).to.deep.equal([['职工B', null]]);

    const csvExport = await (await fetch(`${t.url}/exports/achievements.csv?year=2021`, { headers: { authorization: `Bearer ${b.admin}` } })).text();
    expect(csvExport).to.include('职工B');
    expect(csvExport).to.not.include('职工A');

    const report = await t.gql(`{ achievementReport(year: 2021) { title subject demo ranked { achievement { id } } totals { achievements } narrative { text } } }`, {}, a.admin);
    const r = (report.data as { achievementReport: { title: string; subject: string; demo: boolean; ranked: { achievement: { id: string } }[]; totals: { achievements: number }; narrative: { text: string }[] } }).achievementReport;
    expect(r).to.deep.include({ title: '甲医院', subject: '我院', demo: false });
    expect(r.ranked.map((x) => x.achievement.id)).to.deep.equal([a.ids.award]);
    expect(r.totals.achievements).to.equal(1);
    expect(r.narrative[0].text).to.match(/^2021年度，我院/);
    const md = await (await fetch(`${t.url}/reports/2021/achievements.md`, { headers: { authorization: `Bearer ${a.admin}` } })).text();
    expect(md).to.include('# 2021年度甲医院工会工作成绩');
    expect(md).to.not.include('演示数据');
    // Another institution's report is not the caller's to pull.
    const foreign = await t.gql(`query($i: ID!) { achievementReport(year: 2021, institutionId: $i) { title } }`, { i: (await t.gql<{ institution: { id: string } }>(`{ institution { id } }`, {}, b.admin)).data!.institution.id }, a.admin);
    expect(errorCode(foreign)).to.equal('BAD_USER_INPUT');
  });

  it('keeps usernames unique across the registry and accounts signing in to their own institution or a demo', async () => {
    const login = (username: string, password: string, institution?: string) =>
      t.gql(`mutation($i: LoginInput!) { login(input: $i) { token viewer { role institution { code } } userErrors { field code message } } }`, { i: { username, password, institution } });
    const own = payloadOf(await login('admin.hosp-a', 'long-enough-password-HOSP-A'), 'login') as unknown as { token: string; viewer: { institution: { code: string } } };
    expect(own.viewer.institution.code).to.equal('HOSP-A');
    const demo = payloadOf(await login('admin.hosp-a', 'long-enough-password-HOSP-A', 'DEMO'), 'login') as unknown as { viewer: { institution: { code: string } } };
    expect(demo.viewer.institution.code).to.equal('DEMO');
    const other = payloadOf(await login('admin.hosp-a', 'long-enough-password-HOSP-A', 'HOSP-B'), 'login');
    expect(other.userErrors.map((e) => e.code)).to.deep.equal(['NOT_FOUND']);
    const taken = await t.gql(`mutation($i: UserCreateInput!) { userCreate(input: $i) { user { id } userErrors { field code } } }`, { i: { username: 'admin.hosp-a', password: 'another-long-password-1', displayName: '重名', role: 'VIEWER' } }, b.admin);
    expect(payloadOf(taken, 'userCreate').userErrors).to.deep.equal([{ field: ['input', 'username'], code: 'DUPLICATE' }]);
    // An account's token is refused in an institution it does not belong to.
    const forged = t.tokens.sign({ userId: String(new Types.ObjectId()), username: 'ghost', role: 'ADMIN', institution: String(b.institution._id), scope: { departments: [], unionGroups: [] }, tokenVersion: 0 }).token;
    expect((await t.gql(`{ viewer { username } }`, {}, forged)).status).to.equal(401);
  });

  it('shares a catalogue competition across institutions; only the federation corrects it', async () => {
    const create = await t.gql(
      `mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { competition { id shared } userErrors { code } } }`,
      { i: { name: '全省药学服务技能大赛', level: 'PROVINCIAL', category: 'SKILLS', year: 2021, shared: true } },
      a.admin,
    );
    const shared = payloadOf(create, 'competitionCreate').competition as { id: string; shared: boolean };
    expect(shared.shared).to.equal(true);
    const seenByB = await t.gql(`query($id: ID!) { node(id: $id) { ... on Competition { name shared } } }`, { id: shared.id }, b.admin);
    expect((seenByB.data as { node: unknown }).node).to.deep.equal({ name: '全省药学服务技能大赛', shared: true });
    const dup = await t.gql(`mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { userErrors { code } } }`, { i: { name: '全省药学服务技能大赛', level: 'PROVINCIAL', category: 'SKILLS', year: 2021 } }, b.admin);
    expect(payloadOf(dup, 'competitionCreate').userErrors.map((e) => e.code)).to.deep.equal(['DUPLICATE']);
    const edit = `mutation($i: CompetitionUpdateInput!) { competitionUpdate(input: $i) { competition { organiser } userErrors { code } } }`;
    expect(payloadOf(await t.gql(edit, { i: { id: shared.id, organiser: '省卫生健康委' } }, b.admin), 'competitionUpdate').userErrors.map((e) => e.code)).to.deep.equal(['INVALID_STATE']);
    const fixed = payloadOf(await t.gql(edit, { i: { id: shared.id, organiser: '省卫生健康委' } }, t.tokenFor('FEDERATION_ADMIN')), 'competitionUpdate');
    expect(fixed.competition).to.deep.equal({ organiser: '省卫生健康委' });
  });
});
