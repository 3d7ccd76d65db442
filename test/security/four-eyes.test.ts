// Four eyes: nobody verifies a record they entered or last changed, ADMIN included, unless
// the registry switches single-person verification on.
import { expect } from 'chai';
import { createAward, createCompetition, demoIds, step, type Ids } from '../helpers/records.js';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';

describe('four eyes on verification', () => {
  let t: TestServer;
  let ids: Ids;
  let competitionId: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    competitionId = await createCompetition(t, { name: '四眼原则测试赛', year: 2021 });
  });
  after(() => t.stop());

  const submitted = async (staff: string, token: string) => {
    const { payload } = await createAward(t, { competitionId, personIds: [ids.person[staff]], grade: 'FIRST', date: '2021-05-01' }, token);
    const id = (payload!.award as { id: string }).id;
    await step(t, 'awardSubmit', id, token);
    return id;
  };

  it('refuses the ADMIN who entered a record, and lets a second person verify it', async () => {
    const admin = t.tokenFor('ADMIN', {}, 'admin-one');
    const id = await submitted('Z0101', admin);
    const own = await step(t, 'awardVerify', id, admin);
    expect(errorCode(own.res)).to.equal('FORBIDDEN');
    expect(own.res.errors![0].message).to.match(/you entered it, so someone else must verify it/);
    const other = await step(t, 'awardVerify', id, t.tokenFor('ADMIN', {}, 'admin-two'));
    expect(other.record).to.include({ status: 'VERIFIED' });
  });

  it('refuses the verifier who last changed a submitted record', async () => {
    const clerk = t.tokenFor('CLERK', { departments: ['ZYJK'] }, 'clerk-z');
    const verifier = t.tokenFor('VERIFIER', {}, 'verifier-v');
    const id = await submitted('Z0120', clerk);
    const edit = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { award { id } userErrors { message } } }`, { i: { id, grade: 'SECOND' } }, verifier);
    expect(edit.errors).to.equal(undefined);
    expect(errorCode((await step(t, 'awardVerify', id, verifier)).res)).to.equal('FORBIDDEN');
    expect((await step(t, 'awardVerify', id, t.tokenFor('VERIFIER', {}, 'verifier-w'))).record).to.include({ status: 'VERIFIED' });
  });

  it('allows one person to enter and verify once an ADMIN switches single-person verification on (audited)', async () => {
    const admin = t.tokenFor('ADMIN', {}, 'sole-officer');
    const UPDATE = `mutation($i: RegistrySettingsUpdateInput!) { registrySettingsUpdate(input: $i) { settings { singlePersonVerification } userErrors { message } } }`;
    expect(errorCode(await t.gql(UPDATE, { i: { singlePersonVerification: true } }, t.tokenFor('VERIFIER')))).to.equal('FORBIDDEN');
    const on = await t.gql(UPDATE, { i: { singlePersonVerification: true } }, admin);
    expect(on.data).to.deep.equal({ registrySettingsUpdate: { settings: { singlePersonVerification: true }, userErrors: [] } });
    try {
      const id = await submitted('Z0103', admin);
      expect((await step(t, 'awardVerify', id, admin)).record).to.include({ status: 'VERIFIED' });
      expect(await t.models.AuditEntry.countDocuments({ operation: 'registrySettingsUpdate' })).to.equal(1);
    } finally {
      await t.gql(UPDATE, { i: { singlePersonVerification: false } }, admin);
    }
    expect((await t.gql(`{ registrySettings { singlePersonVerification } }`, {}, t.tokenFor('VIEWER'))).data).to.deep.equal({ registrySettings: { singlePersonVerification: false } });
  });
});
