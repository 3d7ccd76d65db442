import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';
import { AWARD_FIELDS, createAward, createCompetition, demoIds, payloadOf, step, type Ids } from '../helpers/records.js';

describe('awards', () => {
  let t: TestServer;
  let ids: Ids;
  let admin: string;
  let verifier: string;
  let clerk: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    admin = t.tokenFor('ADMIN');
    verifier = t.tokenFor('VERIFIER');
    clerk = t.tokenFor('CLERK', { departments: ['ZYJK'] });
  });
  after(() => t.stop());

  it('enters an award as a draft with its derived title, level and ranking', async () => {
    const competitionId = await createCompetition(t, { name: '测试技能大赛', brand: '测试杯', level: 'PROVINCIAL' });
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person.Z0120], grade: 'FIRST', date: '2020-05-01', certificateNumber: 'ZS-001' }, clerk);
    expect(payload!.userErrors).to.deep.equal([]);
    expect(payload!.award).to.include({ status: 'DRAFT', title: '“测试杯”测试技能大赛', resultLabel: '一等奖', level: 'PROVINCIAL', year: 2020, date: '2020-05-01' });
    const audit = await t.gql(`query($id: ID!) { auditLog(filter: { entityId: $id }) { edges { node { operation actorUsername } } } }`, { id: (payload!.award as { id: string }).id }, admin);
    expect(audit.data).to.deep.equal({ auditLog: { edges: [{ node: { operation: 'awardCreate', actorUsername: 'test-clerk' } }] } });
  });

  it('validates every field with a precise path and code, and writes nothing', async () => {
    const competitionId = await createCompetition(t, { year: 2020 });
    const before = await t.models.Achievement.countDocuments();
    const base = { competitionId, personIds: [ids.person.Z0121], grade: 'SECOND', date: '2020-06-01' };
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ ...base, competitionId: 'nope' }, ['input', 'competitionId'], 'NOT_FOUND'],
      [{ ...base, personIds: ['bogus'] }, ['input', 'personIds', '0'], 'NOT_FOUND'],
      [{ ...base, personIds: [ids.person.Z0121, ids.person.Z0121] }, ['input', 'personIds', '1'], 'INVALID'],
      [{ ...base, personIds: [] }, ['input', 'personIds'], 'REQUIRED'],
      [{ ...base, grade: null }, ['input', 'grade'], 'REQUIRED'],
      [{ ...base, placement: 3 }, ['input', 'placement'], 'INVALID'],
      [{ ...base, grade: null, placement: 0 }, ['input', 'placement'], 'OUT_OF_RANGE'],
      [{ ...base, date: '2019-12-31' }, ['input', 'date'], 'OUT_OF_RANGE'],
      [{ ...base, date: '2999-01-01' }, ['input', 'date'], 'INVALID'],
      [{ ...base, certificateNumber: 'x'.repeat(65) }, ['input', 'certificateNumber'], 'TOO_LONG'],
      [{ ...base, grade: null, resultText: '   ' }, ['input', 'resultText'], 'REQUIRED'],
      [{ ...base, collective: { kind: 'DEPARTMENT' } }, ['input', 'collective', 'departmentId'], 'REQUIRED'],
      [{ ...base, collective: { kind: 'INSTITUTION', departmentId: ids.department.ZYJK } }, ['input', 'collective', 'departmentId'], 'INVALID'],
    ];
    for (const [input, field, code] of cases) {
      const { payload } = await createAward(t, input);
      expect(payload!.award, JSON.stringify(input)).to.equal(null);
      expect(payload!.userErrors, JSON.stringify(input)).to.deep.include.members([{ field, code, message: payload!.userErrors.find((e) => e.field.join() === field.join())?.message ?? '' }]);
    }
    expect(await t.models.Achievement.countDocuments()).to.equal(before);
  });

  it('accepts a collective, people with a collective, a placement and a vague result', async () => {
    const competitionId = await createCompetition(t);
    const collective = await createAward(t, { competitionId, collective: { kind: 'DEPARTMENT', departmentId: ids.department.ZYJK }, resultText: '多项奖项', date: '2020-03-03' });
    expect(collective.payload!.award).to.deep.include({ resultLabel: '多项奖项', collective: { kind: 'DEPARTMENT', name: '中药剂科' } });
    const both = await createAward(t, { competitionId, personIds: [ids.person.Z0121], collective: { kind: 'INSTITUTION' }, placement: 3, date: '2020-03-03' });
    expect(both.payload!.award).to.deep.include({ resultLabel: '第三名', collective: { kind: 'INSTITUTION', name: '我院' } });
  });

  it('refuses the same recipients, competition and result twice, naming the record', async () => {
    const competitionId = await createCompetition(t);
    const input = { competitionId, personIds: [ids.person.Z0121, ids.person.Z0120], grade: 'THIRD', date: '2020-04-04' };
    const first = await createAward(t, input);
    const again = await createAward(t, { ...input, personIds: [ids.person.Z0120, ids.person.Z0121], date: '2020-04-05' });
    expect(again.payload!.userErrors[0]).to.include({ code: 'DUPLICATE' });
    expect(again.payload!.userErrors[0].message).to.include((first.payload!.award as { id: string }).id);
    const otherResult = await createAward(t, { ...input, grade: 'SECOND' });
    expect(otherResult.payload!.userErrors).to.deep.equal([]);
  });

  it('warns, without refusing, about a similar competition name for the same person that year', async () => {
    const a = await createCompetition(t, { name: '“桐君堂杯”中药材真伪鉴别全国大赛测试', level: 'NATIONAL' });
    const b = await createCompetition(t, { name: '桐君堂杯中药材真伪鉴别大赛测试', level: 'NATIONAL' });
    await createAward(t, { competitionId: a, personIds: [ids.person.Z0119], grade: 'FIRST', date: '2020-10-01' });
    const second = await createAward(t, { competitionId: b, personIds: [ids.person.Z0119], grade: 'FIRST', date: '2020-10-01' });
    expect(second.payload!.userErrors).to.deep.equal([]);
    expect(second.payload!.warnings).to.have.length(1);
    expect(second.payload!.warnings![0]).to.include({ code: 'SIMILAR_RECORD' });
    const unrelated = await createAward(t, { competitionId: await createCompetition(t, { name: '羽毛球比赛测试' }), personIds: [ids.person.Z0119], grade: 'FIRST', date: '2020-10-01' });
    expect(unrelated.payload!.warnings).to.deep.equal([]);
  });

  it('goes DRAFT → SUBMITTED → RETURNED → SUBMITTED → VERIFIED, each step by the right role, audited', async () => {
    const competitionId = await createCompetition(t);
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person.Z0101], grade: 'SECOND', date: '2020-08-08' }, clerk);
    const id = (payload!.award as { id: string }).id;
    expect(errorCode((await step(t, 'awardVerify', id, clerk)).res)).to.equal('FORBIDDEN');
    expect((await step(t, 'awardVerify', id, verifier)).payload!.userErrors[0].code).to.equal('INVALID_STATE');
    expect((await step(t, 'awardSubmit', id, clerk)).record).to.include({ status: 'SUBMITTED' });
    const locked = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { userErrors { code } } }`, { i: { id, grade: 'FIRST' } }, clerk);
    expect(payloadOf(locked, 'awardUpdate').userErrors[0].code).to.equal('INVALID_STATE');
    const returned = await step(t, 'awardReturn', id, verifier, { reason: '证书编号缺失' }, 'status returnReason');
    expect(returned.record).to.include({ status: 'RETURNED', returnReason: '证书编号缺失' });
    const fixed = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { award { status certificate: evidence { certificateNumber } } userErrors { code } } }`, { i: { id, certificateNumber: 'ZS-2020-88' } }, clerk);
    expect(payloadOf(fixed, 'awardUpdate').award).to.deep.equal({ status: 'RETURNED', certificate: { certificateNumber: 'ZS-2020-88' } });
    await step(t, 'awardSubmit', id, clerk);
    const verified = await step(t, 'awardVerify', id, verifier, {}, AWARD_FIELDS);
    expect(verified.record).to.deep.include({ status: 'VERIFIED', verifiedBy: { username: 'test-verifier' } });
    const log = verified.record!.statusLog as { status: string; by: { username: string }; reason: string | null }[];
    expect(log.map((l) => l.status)).to.deep.equal(['DRAFT', 'SUBMITTED', 'RETURNED', 'SUBMITTED', 'VERIFIED']);
    expect(log[2]).to.deep.include({ reason: '证书编号缺失', by: { username: 'test-verifier' } });
    const audit = await t.gql(`query($id: ID!) { auditLog(filter: { entityId: $id }, first: 20) { edges { node { operation } } } }`, { id }, admin);
    const ops = (audit.data as { auditLog: { edges: { node: { operation: string } }[] } }).auditLog.edges.map((e) => e.node.operation).reverse();
    expect(ops).to.deep.equal(['awardCreate', 'awardSubmit', 'awardReturn', 'awardUpdate', 'awardSubmit', 'awardVerify']);
  });

  it('keeps the old version in history when a verified award is corrected, and refuses clerks', async () => {
    const competitionId = await createCompetition(t);
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person.Z0121], grade: 'THIRD', date: '2020-09-09' }, clerk);
    const id = (payload!.award as { id: string }).id;
    await step(t, 'awardSubmit', id, clerk);
    await step(t, 'awardVerify', id, verifier);
    const byClerk = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { userErrors { code } } }`, { i: { id, grade: 'FIRST' } }, clerk);
    expect(errorCode(byClerk)).to.equal('FORBIDDEN');
    const corrected = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { award { ${AWARD_FIELDS} } userErrors { code } } }`, { i: { id, grade: 'SECOND' } }, verifier);
    const award = payloadOf(corrected, 'awardUpdate').award as { status: string; revision: number; resultLabel: string; grade: string; history: { revision: number; snapshot: string; changes: unknown[] }[] };
    expect(award).to.include({ status: 'VERIFIED', revision: 2, resultLabel: '二等奖', grade: 'SECOND' });
    expect(award.history).to.have.length(1);
    expect(award.history[0].revision).to.equal(1);
    const snapshot = JSON.parse(award.history[0].snapshot);
    expect(snapshot).to.include({ grade: 'THIRD', year: 2020 });
    for (const internal of ['rankKey', 'dedupeKey', 'status', 'levelRank', 'institution']) expect(snapshot).to.not.have.property(internal);
    // The reader's view: the field by its label, the values as they read (English labels on request).
    expect(award.history[0].changes).to.deep.equal([{ field: 'grade', label: 'grade', before: '三等奖', after: '二等奖' }]);
    const zh = await t.gql<{ node: { history: { changes: unknown[] }[] } }>(`query($id: ID!) { node(id: $id) { ... on Award { history { changes { field label before after } } } } }`, { id }, verifier, { 'accept-language': 'zh-CN' });
    expect(zh.data!.node.history[0].changes).to.deep.equal([{ field: 'grade', label: '等级', before: '三等奖', after: '二等奖' }]);
  });

  it('writes nothing for an edit that changes nothing: no revision, no history, no audit entry', async () => {
    const competitionId = await createCompetition(t);
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person.Z0121], grade: 'THIRD', date: '2020-09-10', note: '原样' });
    const id = (payload!.award as { id: string }).id;
    await step(t, 'awardSubmit', id, t.tokenFor('ADMIN'));
    await step(t, 'awardVerify', id, verifier);
    const audited = await t.models.AuditEntry.countDocuments({});
    const same = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { award { ${AWARD_FIELDS} } userErrors { code } } }`, { i: { id, grade: 'THIRD', date: '2020-09-10', note: '原样' } }, verifier);
    const award = payloadOf(same, 'awardUpdate').award as { status: string; revision: number; history: unknown[] };
    expect(award).to.include({ status: 'VERIFIED', revision: 1 });
    expect(award.history).to.deep.equal([]);
    expect(await t.models.AuditEntry.countDocuments({})).to.equal(audited);
  });

  it('deletes drafts only, within scope', async () => {
    const competitionId = await createCompetition(t);
    const draft = await createAward(t, { competitionId, personIds: [ids.person.Z0121], grade: 'MERIT', date: '2020-02-02' }, clerk);
    const id = (draft.payload!.award as { id: string }).id;
    const del = `mutation($i: RecordIdInput!) { awardDelete(input: $i) { deletedId userErrors { code } } }`;
    expect(errorCode(await t.gql(del, { i: { id } }, t.tokenFor('CLERK', { departments: ['XYJK'] })))).to.equal('FORBIDDEN');
    await step(t, 'awardSubmit', id, clerk);
    expect(payloadOf(await t.gql(del, { i: { id } }, clerk), 'awardDelete').userErrors[0].code).to.equal('INVALID_STATE');
    await step(t, 'awardReturn', id, verifier, { reason: '重复录入' });
    expect(payloadOf(await t.gql(del, { i: { id } }, clerk), 'awardDelete')).to.deep.equal({ deletedId: id, userErrors: [] });
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, admin);
    expect(node.data).to.deep.equal({ node: null });
  });

  it('keeps clerks to their scope for every recipient, and writes nothing otherwise', async () => {
    const competitionId = await createCompetition(t);
    const before = await t.models.Achievement.countDocuments();
    const mixed = await createAward(t, { competitionId, personIds: [ids.person.Z0101, ids.person.Z0119], grade: 'SECOND', date: '2020-01-10' }, clerk);
    expect(errorCode(mixed.res)).to.equal('FORBIDDEN');
    const institution = await createAward(t, { competitionId, collective: { kind: 'INSTITUTION' }, grade: 'SECOND', date: '2020-01-10' }, clerk);
    expect(errorCode(institution.res)).to.equal('FORBIDDEN');
    for (const role of ['VIEWER', 'VERIFIER'] as const) {
      expect(errorCode((await createAward(t, { competitionId, personIds: [ids.person.Z0101], grade: 'SECOND', date: '2020-01-10' }, t.tokenFor(role))).res)).to.equal('FORBIDDEN');
    }
    expect(await t.models.Achievement.countDocuments()).to.equal(before);
  });

  it('follows its competition when the competition is corrected', async () => {
    const competitionId = await createCompetition(t, { name: '待更正的比赛', level: 'MUNICIPAL' });
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person.Z0120], grade: 'FIRST', date: '2020-05-05' });
    const fix = await t.gql(`mutation($i: CompetitionUpdateInput!) { competitionUpdate(input: $i) { competition { levelLabel } userErrors { code } } }`, { i: { id: competitionId, name: '已更正的比赛', level: 'PROVINCIAL' } }, verifier);
    expect(payloadOf(fix, 'competitionUpdate').competition).to.deep.equal({ levelLabel: '省级' });
    const award = await t.gql(`query($id: ID!) { node(id: $id) { ... on Award { title level levelRank } } }`, { id: (payload!.award as { id: string }).id }, admin);
    expect(award.data).to.deep.equal({ node: { title: '已更正的比赛', level: 'PROVINCIAL', levelRank: 2 } });
  });
});
