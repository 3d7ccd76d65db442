// A token dies with its account: deactivation, role, scope or password changes, and
// userSignOutEverywhere refuse the account's earlier tokens on their next request.
import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';

const LOGIN = `mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token userErrors { message } } }`;
const UPDATE = `mutation($i: UserUpdateInput!) { userUpdate(input: $i) { user { id } userErrors { message } } }`;
const PERSON = `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { id } userErrors { message } } }`;

describe('token revocation', () => {
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer();
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  async function account(username: string, role = 'ADMIN'): Promise<{ id: string; password: string }> {
    const password = `长密码-pass-${username.length}-secret`;
    const res = await t.gql<{ userCreate: { user: { id: string } } }>(
      `mutation($i: UserCreateInput!) { userCreate(input: $i) { user { id } userErrors { message } } }`,
      { i: { username, password, displayName: username, role } },
      admin,
    );
    return { id: res.data!.userCreate.user.id, password };
  }
  const signIn = async (username: string, password: string) => (await t.gql<{ login: { token: string } }>(LOGIN, { u: username, p: password })).data!.login.token;

  it('refuses a deactivated account’s old token at once, for reads and writes, over GraphQL and the plain routes', async () => {
    const { id, password } = await account('leaver');
    const token = await signIn('leaver', password);
    expect((await t.gql(`{ viewer { username } }`, {}, token)).data).to.deep.equal({ viewer: { username: 'leaver' } });
    expect((await t.gql(UPDATE, { i: { id, active: false } }, admin)).data).to.deep.include({ userUpdate: { user: { id }, userErrors: [] } });
    const read = await t.gql(`{ viewer { username } }`, {}, token);
    expect(read.status).to.equal(401);
    expect(errorCode(read)).to.equal('UNAUTHENTICATED');
    expect(read.errors![0].message).to.match(/revoked/);
    const write = await t.gql(PERSON, { i: { staffNumber: 'L001', name: '离职者' } }, token);
    expect(write.status).to.equal(401);
    expect(await t.models.Person.countDocuments({ staffNumber: 'L001' })).to.equal(0);
    expect((await fetch(`${t.url}/exports/achievements.csv`, { headers: { authorization: `Bearer ${token}` } })).status).to.equal(401);
  });

  it('revokes tokens on a role or password change but not on a display-name change', async () => {
    const { id, password } = await account('mover');
    const first = await signIn('mover', password);
    await t.gql(UPDATE, { i: { id, displayName: '新名字' } }, admin);
    expect((await t.gql(`{ viewer { role } }`, {}, first)).data).to.deep.equal({ viewer: { role: 'ADMIN' } });
    await t.gql(UPDATE, { i: { id, role: 'VIEWER' } }, admin);
    expect((await t.gql(`{ viewer { role } }`, {}, first)).status).to.equal(401);
    const second = await signIn('mover', password);
    expect((await t.gql(`{ viewer { role } }`, {}, second)).data).to.deep.equal({ viewer: { role: 'VIEWER' } });
    await t.gql(UPDATE, { i: { id, password: 'an-entirely-new-secret' } }, admin);
    expect((await t.gql(`{ viewer { role } }`, {}, second)).status).to.equal(401);
  });

  it('signs an account out everywhere: yourself, or anyone as ADMIN only', async () => {
    const { id, password } = await account('traveller', 'VIEWER');
    const other = await account('bystander', 'VIEWER');
    const laptop = await signIn('traveller', password);
    const phone = await signIn('traveller', password);
    const SIGN_OUT = `mutation($i: UserSignOutEverywhereInput) { userSignOutEverywhere(input: $i) { user { id } userErrors { code } } }`;
    const notAllowed = await t.gql(SIGN_OUT, { i: { id: other.id } }, laptop);
    expect(errorCode(notAllowed)).to.equal('FORBIDDEN');
    const mine = await t.gql(SIGN_OUT, {}, laptop);
    expect(mine.data).to.deep.equal({ userSignOutEverywhere: { user: { id }, userErrors: [] } });
    expect((await t.gql(`{ viewer { username } }`, {}, phone)).status).to.equal(401);
    const bystander = await signIn('bystander', other.password);
    await t.gql(SIGN_OUT, { i: { id: other.id } }, admin);
    expect((await t.gql(`{ viewer { username } }`, {}, bystander)).status).to.equal(401);
    const audit = await t.models.AuditEntry.countDocuments({ operation: 'userSignOutEverywhere' });
    expect(audit).to.equal(2);
  });
});
