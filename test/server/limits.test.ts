import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';

describe('request limits', () => {
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer({ MAX_QUERY_DEPTH: '6', MAX_ALIASES: '5', MAX_QUERY_COST: '2000', BODY_LIMIT_BYTES: '20000' });
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  it('refuses a query deeper than the limit, and allows one at it', async () => {
    const ok = await t.gql(`{ people(first: 1) { edges { node { department { people(first: 1) { totalCount } } } } } }`, {}, admin);
    expect(ok.errors).to.equal(undefined);
    const deep = await t.gql(`{ people(first: 1) { edges { node { department { people(first: 1) { edges { node { name } } } } } } } }`, {}, admin);
    expect(errorCode(deep)).to.equal('QUERY_TOO_COMPLEX');
    expect(deep.errors![0].message).to.match(/depth 7 exceeds the limit of 6/);
    expect(deep.status).to.equal(400);
  });

  it('counts depth through fragments', async () => {
    const res = await t.gql(
      `query { people(first: 1) { ...P } } fragment P on PersonConnection { edges { node { department { people(first: 1) { edges { node { name } } } } } } }`,
      {},
      admin,
    );
    expect(errorCode(res)).to.equal('QUERY_TOO_COMPLEX');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: viewer { username }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, admin);
    expect(errorCode(res)).to.equal('QUERY_TOO_COMPLEX');
    expect(res.errors![0].message).to.match(/6 aliases; the limit is 5/);
  });

  it('prices page sizes into the cost, variables included', async () => {
    const q = `query($n: Int) { people(first: $n) { edges { node { name department { name } unionGroup { name } } } } }`;
    expect((await t.gql(q, { n: 10 }, admin)).errors).to.equal(undefined);
    const big = await t.gql(`query($n: Int) { departments(first: $n) { edges { node { people(first: $n) { edges { node { name } } } } } } }`, { n: 100 }, admin);
    expect(errorCode(big)).to.equal('QUERY_TOO_COMPLEX');
    expect(big.errors![0].extensions!.cost).to.be.greaterThan(2000);
  });

  it('answers an oversized body with 413 and a JSON error', async () => {
    const res = await t.gql(`{ viewer { username } }`, { padding: 'x'.repeat(30_000) }, admin);
    expect(res.status).to.equal(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).to.equal('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400, batching with an error, and CSRF-prone requests are refused', async () => {
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).to.equal(400);
    const batch = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ query: '{ viewer { username } }' }, { query: '{ viewer { role } }' }]),
    });
    expect(batch.status).to.equal(400);
    const simpleGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { username } }')}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(simpleGet.status).to.equal(400); // no preflight-forcing header: CSRF prevention
    const preflighted = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { username } }')}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(await preflighted.json()).to.deep.equal({ data: { viewer: { username: 'test-admin' } } });
  });
});

describe('production error masking', () => {
  let t: TestServer;
  before(async () => (t = await startTestServer({ NODE_ENV: 'production' })));
  after(() => t.stop());

  it('sends no stack traces and masks internal errors with an error id', async () => {
    const admin = t.tokenFor('ADMIN');
    const known = await t.gql(`{ people(first: 500) { totalCount } }`, {}, admin);
    expect(errorCode(known)).to.equal('BAD_USER_INPUT');
    expect(known.body).to.not.include('stacktrace');
    expect(known.body).to.not.include('.ts:');
    // Break the database under the app: reads now fail inside a resolver.
    await t.server.database.connection.close();
    const broken = await t.gql(`{ people(first: 5) { totalCount } }`, {}, admin);
    expect(errorCode(broken)).to.equal('INTERNAL_SERVER_ERROR');
    expect(broken.errors![0].message).to.match(/^Internal server error \(error id [0-9a-f-]{36}\)$/);
    expect(broken.body).to.not.include('stacktrace');
    expect(broken.body).to.not.match(/mongo|connection/i);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).to.equal(503);
  });

  it('disables introspection for anonymous and signed-in callers alike', async () => {
    const res = await t.gql(`{ __schema { types { name } } }`);
    expect(res.errors).to.not.equal(undefined);
  });
});
