import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, payloadOf, step, type Ids } from '../helpers/records.js';

const CONFER = `mutation($i: HonourConferInput!) { honourConfer(input: $i) { honour { id title status state stateLog { state reason } award { id } people { staffNumber } collective { name } } warnings { code } userErrors { field code message } } }`;

describe('honours, designations and campaigns', () => {
  let t: TestServer;
  let ids: Ids;
  let admin: string;
  let verifier: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    admin = t.tokenFor('ADMIN');
    verifier = t.tokenFor('VERIFIER');
  });
  after(() => t.stop());

  const confer = async (input: Record<string, unknown>, token = admin) => payloadOf(await t.gql(CONFER, { i: input }, token), 'honourConfer');
  const base = { title: '绍兴市技术能手', honourKind: 'TECHNICAL_EXPERT', conferredBy: '绍兴市人力社保局', level: 'MUNICIPAL', year: 2020 };

  it('confers a title on a person, linked to the award it followed from', async () => {
    const competitionId = await createCompetition(t, { name: '市技能比武' });
    const award = await createAward(t, { competitionId, personIds: [ids.person.Z0105], grade: 'FIRST', date: '2020-06-06' });
    const awardId = (award.payload!.award as { id: string }).id;
    const p = await confer({ ...base, personId: ids.person.Z0105, awardId, date: '2020-07-01' });
    expect(p.userErrors).to.deep.equal([]);
    expect(p.honour).to.deep.include({ title: '绍兴市技术能手', status: 'DRAFT', state: 'ACTIVE', award: { id: awardId }, people: [{ staffNumber: 'Z0105' }] });
    const linked = await t.gql(`query($id: ID!) { node(id: $id) { ... on Award { honours { title } } } }`, { id: awardId }, admin);
    expect(linked.data).to.deep.equal({ node: { honours: [{ title: '绍兴市技术能手' }] } });
    const other = await confer({ ...base, title: '别人的称号', personId: ids.person.Z0106, awardId });
    expect(other.userErrors[0]).to.deep.include({ field: ['input', 'awardId'], code: 'INVALID' });
  });

  it('enforces who may hold each kind of title, and one recipient', async () => {
    expect((await confer({ ...base, collective: { kind: 'DEPARTMENT', departmentId: ids.department.CSK } })).userErrors[0]).to.deep.include({ field: ['input', 'collective'], code: 'INVALID' });
    expect((await confer({ ...base, title: '模范职工之家', honourKind: 'WORKERS_HOME', personId: ids.person.Z0105 })).userErrors[0]).to.deep.include({ field: ['input', 'personId'], code: 'INVALID' });
    expect((await confer({ ...base, personId: ids.person.Z0105, collective: { kind: 'INSTITUTION' } })).userErrors[0]).to.deep.include({ field: ['input', 'collective'], code: 'INVALID' });
    expect((await confer({ ...base })).userErrors[0]).to.deep.include({ field: ['input', 'personId'], code: 'REQUIRED' });
    expect((await confer({ ...base, personId: ids.person.Z0105, date: '2019-05-01' })).userErrors[0]).to.deep.include({ field: ['input', 'date'], code: 'OUT_OF_RANGE' });
    const collective = await confer({ ...base, title: '三八红旗集体', honourKind: 'MARCH_8TH_RED_BANNER', collective: { kind: 'DEPARTMENT', departmentId: ids.department.HLB } });
    expect(collective.honour).to.deep.include({ collective: { name: '护理部' } });
  });

  it('refuses the same title for the same recipient and year, and warns about a similar one', async () => {
    const first = await confer({ ...base, title: '绍兴市优秀护士', honourKind: 'OTHER', personId: ids.person.Z0109 });
    expect(first.userErrors).to.deep.equal([]);
    const twin = await confer({ ...base, title: '绍兴市 优秀护士', honourKind: 'OTHER', personId: ids.person.Z0109 });
    expect(twin.userErrors[0].code).to.equal('DUPLICATE');
    const similar = await confer({ ...base, title: '绍兴市优秀护士长', honourKind: 'OTHER', personId: ids.person.Z0109 });
    expect(similar.userErrors).to.deep.equal([]);
    expect(similar.warnings).to.deep.equal([{ code: 'SIMILAR_RECORD' }]);
    const nextYear = await confer({ ...base, title: '绍兴市优秀护士', honourKind: 'OTHER', personId: ids.person.Z0109, year: 2021 });
    expect(nextYear.userErrors).to.deep.equal([]);
  });

  it('manages an honour over time: review, confirmation, expiry and revocation, with reasons kept', async () => {
    const { honour } = await confer({ ...base, title: '绍兴市青年岗位能手', honourKind: 'OTHER', personId: ids.person.Z0110 });
    const id = (honour as { id: string }).id;
    const review = `mutation($i: HonourReviewInput!) { honourReview(input: $i) { honour { state stateLog { state reason } } userErrors { code } } }`;
    const revoke = `mutation($i: HonourRevokeInput!) { honourRevoke(input: $i) { honour { state stateLog { state reason } } userErrors { code field } } }`;
    expect(errorCode(await t.gql(review, { i: { id, outcome: 'UNDER_REVIEW', date: '2020-09-01' } }, t.tokenFor('CLERK', { departments: ['ZYNK'] })))).to.equal('FORBIDDEN');
    expect(payloadOf(await t.gql(review, { i: { id, outcome: 'UNDER_REVIEW', date: '2020-09-01', note: '年度复查' } }, verifier), 'honourReview').honour).to.deep.include({ state: 'UNDER_REVIEW' });
    expect(payloadOf(await t.gql(review, { i: { id, outcome: 'CONFIRMED', date: '2020-10-01' } }, verifier), 'honourReview').honour).to.deep.include({ state: 'ACTIVE' });
    expect(payloadOf(await t.gql(revoke, { i: { id, date: '2020-11-01', reason: '' } }, verifier), 'honourRevoke').userErrors[0]).to.deep.include({ field: ['input', 'reason'] });
    const revoked = payloadOf(await t.gql(revoke, { i: { id, date: '2020-11-01', reason: '经核查不符合条件' } }, verifier), 'honourRevoke').honour as { state: string; stateLog: { state: string; reason: string | null }[] };
    expect(revoked.state).to.equal('REVOKED');
    expect(revoked.stateLog.map((s) => s.state)).to.deep.equal(['ACTIVE', 'UNDER_REVIEW', 'ACTIVE', 'REVOKED']);
    expect(revoked.stateLog[3].reason).to.equal('经核查不符合条件');
    expect(payloadOf(await t.gql(review, { i: { id, outcome: 'CONFIRMED', date: '2020-12-01' } }, verifier), 'honourReview').userErrors[0].code).to.equal('INVALID_STATE');
  });

  it('records a model-worker designation with a studio, verifies it, and refuses a twin', async () => {
    const designate = `mutation($i: ModelWorkerDesignateInput!) { modelWorkerDesignate(input: $i) { designation { id title designationLabel level session studio { name members { staffNumber } } status } userErrors { field code message } } }`;
    const input = { personId: ids.person.Z0112, designation: 'MODEL_WORKER', title: '绍兴市劳动模范', level: 'MUNICIPAL', conferredBy: '绍兴市人民政府', session: '第十七届', year: 2020, studio: { name: '郭平波劳模工作室', established: '2020-05-01', memberIds: [ids.person.Z0110, ids.person.Z0111] } };
    const p = payloadOf(await t.gql(designate, { i: input }, admin), 'modelWorkerDesignate');
    expect(p.designation).to.deep.include({ title: '绍兴市劳动模范', designationLabel: '劳动模范', session: '第十七届', studio: { name: '郭平波劳模工作室', members: [{ staffNumber: 'Z0110' }, { staffNumber: 'Z0111' }] } });
    const id = (p.designation as { id: string }).id;
    await step(t, 'modelWorkerDesignationSubmit', id, admin);
    expect((await step(t, 'modelWorkerDesignationVerify', id, verifier)).record).to.include({ status: 'VERIFIED' });
    expect(payloadOf(await t.gql(designate, { i: input }, admin), 'modelWorkerDesignate').userErrors[0].code).to.equal('DUPLICATE');
    const badMember = payloadOf(await t.gql(designate, { i: { ...input, year: 2019, studio: { name: 'x', memberIds: ['nobody'] } } }, admin), 'modelWorkerDesignate');
    expect(badMember.userErrors[0]).to.deep.include({ field: ['input', 'studio.memberIds', '0'], code: 'NOT_FOUND' });
  });

  it('walks a campaign through its steps and names it once, creating the department honour', async () => {
    const clerk = t.tokenFor('CLERK', { departments: ['CSK'] });
    const start = `mutation($i: CivilisedPostCampaignStartInput!) { civilisedPostCampaignStart(input: $i) { campaign { id status } userErrors { field code message } } }`;
    const advance = `mutation($i: CivilisedPostCampaignAdvanceInput!) { civilisedPostCampaignAdvance(input: $i) { campaign { status score steps { status score note } honour { title status collective { name } campaign { id } } } userErrors { field code message } } }`;
    const input = { departmentId: ids.department.CSK, title: 'YOUTH_CIVILISED_POST', level: 'MUNICIPAL', year: 2020, date: '2020-02-01', note: '启动创建' };
    expect(errorCode(await t.gql(start, { i: { ...input, departmentId: ids.department.ZYJK } }, clerk))).to.equal('FORBIDDEN');
    const started = payloadOf(await t.gql(start, { i: input }, clerk), 'civilisedPostCampaignStart');
    const id = (started.campaign as { id: string }).id;
    expect(payloadOf(await t.gql(start, { i: input }, clerk), 'civilisedPostCampaignStart').userErrors[0].code).to.equal('DUPLICATE');
    const go = async (i: Record<string, unknown>) => payloadOf(await t.gql(advance, { i: { id, ...i } }, clerk), 'civilisedPostCampaignAdvance');
    expect((await go({ to: 'NAMED', date: '2020-03-01', conferredBy: 'x' })).userErrors[0]).to.deep.include({ field: ['input', 'to'], code: 'INVALID_STATE' });
    expect((await go({ to: 'APPLIED', date: '2020-01-01' })).userErrors[0]).to.deep.include({ field: ['input', 'date'], code: 'OUT_OF_RANGE' });
    expect((await go({ to: 'APPLIED', date: '2020-04-01', score: 90 })).userErrors[0]).to.deep.include({ field: ['input', 'score'] });
    await go({ to: 'APPLIED', date: '2020-04-01' });
    expect((await go({ to: 'INSPECTED', date: '2020-09-01', score: 101 })).userErrors[0]).to.deep.include({ field: ['input', 'score'], code: 'OUT_OF_RANGE' });
    await go({ to: 'INSPECTED', date: '2020-09-01', score: 98, note: '验收' });
    expect((await go({ to: 'NAMED', date: '2020-12-01' })).userErrors[0]).to.deep.include({ field: ['input', 'conferredBy'], code: 'REQUIRED' });
    const named = await go({ to: 'NAMED', date: '2020-12-01', conferredBy: '共青团绍兴市委' });
    const campaign = named.campaign as { status: string; score: number; steps: { status: string }[]; honour: { title: string; status: string; collective: { name: string }; campaign: { id: string } } };
    expect(campaign).to.deep.include({ status: 'NAMED', score: 98 });
    expect(campaign.steps.map((s) => s.status)).to.deep.equal(['PLANNED', 'APPLIED', 'INSPECTED', 'NAMED']);
    expect(campaign.honour).to.deep.equal({ title: '市级青年文明号', status: 'SUBMITTED', collective: { name: '超声科' }, campaign: { id } });
    expect((await go({ to: 'NAMED', date: '2020-12-02', conferredBy: 'again' })).userErrors[0].code).to.equal('INVALID_STATE');
    expect(await t.models.Honour.countDocuments({ title: '市级青年文明号' })).to.equal(1);
  });

  it('names a campaign with the title given at its start, and its honour carries the inspection score', async () => {
    const admin = t.tokenFor('ADMIN');
    const start = `mutation($i: CivilisedPostCampaignStartInput!) { civilisedPostCampaignStart(input: $i) { campaign { id namedTitle } userErrors { field code message } } }`;
    const advance = `mutation($i: CivilisedPostCampaignAdvanceInput!) { civilisedPostCampaignAdvance(input: $i) { campaign { honour { id title score } } userErrors { field code message } } }`;
    const started = payloadOf(await t.gql(start, { i: { departmentId: ids.department.FSK, title: 'WOMEN_CIVILISED_POST', level: 'MUNICIPAL', namedTitle: '绍兴市巾帼文明岗', year: 2020, date: '2020-02-01' } }, admin), 'civilisedPostCampaignStart');
    const campaign = started.campaign as { id: string; namedTitle: string };
    expect(campaign.namedTitle).to.equal('绍兴市巾帼文明岗');
    const go = async (i: Record<string, unknown>) => payloadOf(await t.gql(advance, { i: { id: campaign.id, ...i } }, admin), 'civilisedPostCampaignAdvance');
    await go({ to: 'APPLIED', date: '2020-04-01' });
    await go({ to: 'INSPECTED', date: '2020-09-01', score: 96 });
    const named = (await go({ to: 'NAMED', date: '2020-12-01', conferredBy: '绍兴市妇联' })).campaign as { honour: { title: string; score: number } };
    expect(named.honour).to.deep.include({ title: '绍兴市巾帼文明岗', score: 96 });
  });
});
