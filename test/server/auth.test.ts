import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { ADMIN_PASSWORD, errorCode, startTestServer, TEST_SECRET, type TestServer } from '../helpers/server.js';

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token expiresAt viewer { username role } userErrors { field code message } } }`;
const VIEWER = `{ viewer { username role departmentCodes } }`;

describe('accounts and authentication', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer({ LOGIN_MAX_FAILURES: '3' })));
  after(() => t.stop());

  it('signs in the first ADMIN and answers viewer with the token', async () => {
    const res = await t.gql(LOGIN, { u: 'admin', p: ADMIN_PASSWORD });
    const login = (res.data as { login: { token: string; viewer: { role: string } } }).login;
    expect(login.viewer.role).to.equal('ADMIN');
    const decoded = jwt.decode(login.token, { complete: true })!;
    expect(decoded.header.alg).to.equal('HS256');
    expect(decoded.payload).to.include({ iss: 'honours-registry', aud: 'honours-registry-api' });
    const me = await t.gql(VIEWER, {}, login.token);
    expect(me.data).to.deep.equal({ viewer: { username: 'admin', role: 'ADMIN', departmentCodes: [] } });
  });

  it('refuses a wrong password and an unknown user with the same userError', async () => {
    const wrong = await t.gql(LOGIN, { u: 'admin', p: 'not-the-password' });
    const unknown = await t.gql(LOGIN, { u: 'nobody', p: 'whatever-it-is' });
    const errs = (r: typeof wrong) => (r.data as { login: { token: null; userErrors: unknown[] } }).login;
    expect(errs(wrong).token).to.equal(null);
    expect(errs(wrong).userErrors).to.deep.equal(errs(unknown).userErrors);
    expect(errs(wrong).userErrors).to.have.length(1);
  });

  it('rate-limits failed sign-ins per username and IP, and not other users', async () => {
    for (let i = 0; i < 3; i++) await t.gql(LOGIN, { u: 'limited', p: 'bad-password' });
    const blocked = await t.gql(LOGIN, { u: 'limited', p: 'bad-password' });
    expect(errorCode(blocked)).to.equal('RATE_LIMITED');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).to.be.a('number');
    const other = await t.gql(LOGIN, { u: 'admin', p: ADMIN_PASSWORD });
    expect((other.data as { login: { token: string } }).login.token).to.be.a('string');
  });

  it('lets anonymous callers reach only login and health', async () => {
    const res = await t.gql(VIEWER);
    expect(res.status).to.equal(401);
    expect(errorCode(res)).to.equal('UNAUTHENTICATED');
    const mixed = await t.gql(`mutation { login(input: { username: "a", password: "b" }) { token } departmentCreate(input: { code: "X", name: "X" }) { department { id } } }`);
    expect(errorCode(mixed)).to.equal('UNAUTHENTICATED');
    expect(await t.models.Department.countDocuments({ code: 'X' })).to.equal(0);
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).to.equal(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(await ready.json()).to.deep.equal({ status: 'ready' });
  });

  describe('rejects every token that does not verify', () => {
    let claims: Record<string, unknown>;
    before(() => (claims = { name: 'mallory', role: 'ADMIN', dep: [], grp: [], ins: String(t.institutions.default._id) }));
    const noExp = { algorithm: 'HS256' as const, issuer: 'honours-registry', audience: 'honours-registry-api', subject: 'dev:mallory' };
    const good = { ...noExp, expiresIn: 600 };
    const cases: [string, () => string][] = [
      ['expired', () => jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 120 }, TEST_SECRET, noExp)],
      ['without exp', () => jwt.sign(claims, TEST_SECRET, noExp)],
      ['alg none', () => jwt.sign(claims, '', { ...good, algorithm: 'none' })],
      ['HS512 instead of HS256', () => jwt.sign(claims, TEST_SECRET, { ...good, algorithm: 'HS512' })],
      ['wrong audience', () => jwt.sign(claims, TEST_SECRET, { ...good, audience: 'someone-else' })],
      ['wrong issuer', () => jwt.sign(claims, TEST_SECRET, { ...good, issuer: 'someone-else' })],
      ['signed with another secret', () => jwt.sign(claims, 'another-secret-another-secret-another-secret', good)],
      ['tampered payload', () => {
        const [h, , s] = jwt.sign({ ...claims, role: 'VIEWER' }, TEST_SECRET, good).split('.');
        return [h, Buffer.from(JSON.stringify({ ...claims, exp: 9999999999, iss: good.issuer, aud: good.audience, sub: 'x' })).toString('base64url'), s].join('.');
      }],
      ['unknown role', () => jwt.sign({ ...claims, role: 'GOD' }, TEST_SECRET, good)],
      ['garbage', () => 'not.a.token'],
    ];
    for (const [name, make] of cases) {
      it(name, async () => {
        const res = await t.gql(VIEWER, {}, make());
        expect(res.status).to.equal(401);
        expect(errorCode(res)).to.equal('UNAUTHENTICATED');
        expect(res.data).to.equal(undefined);
      });
    }
    it('accepts a well-formed token (the control case)', async () => {
      const res = await t.gql(VIEWER, {}, jwt.sign(claims, TEST_SECRET, good));
      expect(res.data).to.deep.equal({ viewer: { username: 'mallory', role: 'ADMIN', departmentCodes: [] } });
    });
    it('tolerates a little clock skew but not more', async () => {
      const now = Math.floor(Date.now() / 1000);
      const skewed = await t.gql(VIEWER, {}, jwt.sign({ ...claims, exp: now - 10 }, TEST_SECRET, noExp));
      expect(skewed.data).to.not.equal(undefined);
      const late = await t.gql(VIEWER, {}, jwt.sign({ ...claims, exp: now - 61 }, TEST_SECRET, noExp));
      expect(errorCode(late)).to.equal('UNAUTHENTICATED');
    });
  });

  it('manages accounts (ADMIN only) and signs them in with their role and scope', async () => {
    const admin = t.tokenFor('ADMIN');
    const deps = await t.gql(`{ departments(first: 2, orderBy: { field: CODE }) { edges { node { id code } } } }`, {}, admin);
    const dep = (deps.data as { departments: { edges: { node: { id: string; code: string } }[] } }).departments.edges[0].node;
    const create = `mutation($i: UserCreateInput!) { userCreate(input: $i) { user { id username role departments { code } } userErrors { field code message } } }`;
    const input = { username: 'clerk.one', password: 'clerk-password-1', displayName: '录入员', role: 'CLERK', departmentIds: [dep.id] };
    const forbidden = await t.gql(create, { i: input }, t.tokenFor('VERIFIER'));
    expect(errorCode(forbidden)).to.equal('FORBIDDEN');
    const created = await t.gql(create, { i: input }, admin);
    const user = (created.data as { userCreate: { user: { id: string; departments: { code: string }[] } } }).userCreate.user;
    expect(user.departments).to.deep.equal([{ code: dep.code }]);
    const again = await t.gql(create, { i: input }, admin);
    expect((again.data as { userCreate: { userErrors: { code: string; field: string[] }[] } }).userCreate.userErrors[0]).to.include({ code: 'DUPLICATE' });
    const weak = await t.gql(create, { i: { ...input, username: 'weak', password: 'short' } }, admin);
    expect((weak.data as { userCreate: { userErrors: { field: string[] }[] } }).userCreate.userErrors[0].field).to.deep.equal(['input', 'password']);

    const login = await t.gql(LOGIN, { u: 'clerk.one', p: 'clerk-password-1' });
    const token = (login.data as { login: { token: string } }).login.token;
    const me = await t.gql(VIEWER, {}, token);
    expect(me.data).to.deep.equal({ viewer: { username: 'clerk.one', role: 'CLERK', departmentCodes: [dep.code] } });

    const deactivate = await t.gql(`mutation($i: UserUpdateInput!) { userUpdate(input: $i) { user { active } userErrors { message } } }`, { i: { id: user.id, active: false } }, admin);
    expect((deactivate.data as { userUpdate: { user: { active: boolean } } }).userUpdate.user.active).to.equal(false);
    const refused = await t.gql(LOGIN, { u: 'clerk.one', p: 'clerk-password-1' });
    expect((refused.data as { login: { token: null } }).login.token).to.equal(null);
    const stored = await t.models.User.findOne({ username: 'clerk.one' }).select('+passwordHash').lean();
    expect(stored!.passwordHash).to.match(/^scrypt\$/);
  });
});
