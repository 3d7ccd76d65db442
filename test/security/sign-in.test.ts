// Sign-in under attack: forwarded-address rotation, username spraying, aliased logins, and
// throttle state shared through the database.
import { expect } from 'chai';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { errorCode, startTestServer, ADMIN_PASSWORD, type TestServer } from '../helpers/server.js';

const LOGIN = `mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token userErrors { message } } }`;

describe('sign-in throttles', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '10', LOGIN_MAX_FAILURES_PER_MINUTE: '1000' });
  });
  after(() => t.stop());
  afterEach(() => t.models.SignInFailure.deleteMany({}));

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy: rotating it gets no one past the limit', async () => {
    let passed = 0;
    for (let i = 0; i < 10; i++) {
      const res = await t.gql(LOGIN, { u: 'admin', p: 'wrong-password' }, undefined, { 'x-forwarded-for': `10.0.${i}.1` });
      if (errorCode(res) !== 'RATE_LIMITED') passed++;
    }
    expect(passed).to.equal(3);
    const right = await t.gql(LOGIN, { u: 'admin', p: ADMIN_PASSWORD }, undefined, { 'x-forwarded-for': '10.9.9.9' });
    expect(errorCode(right)).to.equal('RATE_LIMITED');
  });

  it('throttles one address spraying many usernames', async () => {
    const outcomes: unknown[] = [];
    for (let i = 0; i < 14; i++) outcomes.push(errorCode(await t.gql(LOGIN, { u: `user${i}`, p: 'guessed-password' })));
    expect(outcomes.slice(0, 10).every((c) => c === undefined)).to.equal(true);
    expect(outcomes.slice(10).every((c) => c === 'RATE_LIMITED')).to.equal(true);
  });

  it('runs one login per request: aliased logins are refused before any password is checked', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `l${i}: login(input: {username: "admin", password: "guess-${i}"}) { token }`).join(' ');
    const res = await t.gql(`mutation { ${aliases} }`);
    expect(res.status).to.equal(400);
    expect(res.errors![0].message).to.match(/one login per request/);
    expect(await t.models.SignInFailure.countDocuments()).to.equal(0);
    const viaFragment = await t.gql(`mutation { ...A b: login(input: {username: "admin", password: "x"}) { token } } fragment A on Mutation { login(input: {username: "admin", password: "y"}) { token } }`, {}, t.tokenFor('ADMIN'));
    expect(viaFragment.status).to.equal(400);
  });

  it('keeps its counts in the database, expiring with a TTL index, so instances share them', async () => {
    for (let i = 0; i < 3; i++) await t.gql(LOGIN, { u: 'shared', p: 'wrong-password' });
    // A second app instance on the same database refuses the same username at once.
    const second = await startServer(t.config, { logger: createLogger(t.config), dbName: t.server.database.connection.name });
    try {
      const res = await fetch(`${second.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LOGIN, variables: { u: 'shared', p: 'wrong-password' } }) });
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).to.equal('RATE_LIMITED');
    } finally {
      await second.stop();
    }
    const doc = await t.models.SignInFailure.findById('user:shared').lean();
    expect(doc!.count).to.equal(3);
    expect(doc!.until.getTime()).to.be.greaterThan(Date.now());
    const indexes = await t.models.SignInFailure.collection.listIndexes().toArray();
    expect(indexes.find((i) => i.key.until === 1)!.expireAfterSeconds).to.equal(0);
  });
});

describe('sign-in behind a trusted proxy', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '2', LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
  });
  after(() => t.stop());

  it('counts per forwarded client address when the proxy is trusted', async () => {
    for (let i = 0; i < 3; i++) await t.gql(LOGIN, { u: `spray${i}`, p: 'wrong-password' }, undefined, { 'x-forwarded-for': '203.0.113.7' });
    const same = await t.gql(LOGIN, { u: 'spray9', p: 'wrong-password' }, undefined, { 'x-forwarded-for': '203.0.113.7' });
    expect(errorCode(same)).to.equal('RATE_LIMITED');
    const other = await t.gql(LOGIN, { u: 'spray9', p: 'wrong-password' }, undefined, { 'x-forwarded-for': '203.0.113.8' });
    expect(errorCode(other)).to.equal(undefined);
    expect(await t.models.SignInFailure.countDocuments({ _id: { $in: ['addr:203.0.113.7', 'addr:203.0.113.8'] } })).to.equal(2);
  });
});
