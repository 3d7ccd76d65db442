// Request bodies that once produced HTTP 500: each must get a 400 or BAD_USER_INPUT.
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/server.js';

async function post(t: TestServer, body: string, token?: string) {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('malformed requests', () => {
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer();
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  it('answers several operations without operationName with 400, anonymous or not', async () => {
    for (const token of [undefined, admin]) {
      const res = await post(t, JSON.stringify({ query: 'query A { __typename } query B { __typename }' }), token);
      expect(res.status).to.equal(400);
      expect(res.body.errors![0].extensions!.code).to.equal('OPERATION_RESOLUTION_FAILURE');
    }
  });

  it('answers an unknown operationName with 400', async () => {
    const res = await post(t, JSON.stringify({ query: 'query A { __typename }', operationName: 'Nope' }));
    expect(res.status).to.equal(400);
    expect(res.body.errors![0].message).to.match(/没有名为 Nope 的操作/);
  });

  it('answers deeply nested variables with 400 BAD_USER_INPUT', async () => {
    const deep = '{"search":'.repeat(5000) + '"x"' + '}'.repeat(5000);
    for (const token of [undefined, admin]) {
      const res = await post(t, `{"query":"query Q($f: PersonFilter) { people(filter: $f) { totalCount } }","variables":{"f":${deep}}}`, token);
      expect(res.status).to.equal(400);
      expect(res.body.errors![0].extensions!.code).to.equal('BAD_USER_INPUT');
      expect(res.body.errors![0].message).to.match(/变量嵌套超过 32 层/);
    }
  });

  it('treats ids whose type part is __proto__ or constructor as not found', async () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const id = Buffer.from(`${type}:${'0'.repeat(24)}`).toString('base64url');
      const res = await post(t, JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }), admin);
      expect(res.status, type).to.equal(200);
      expect(res.body.errors, type).to.equal(undefined);
      expect(res.body.data!.node, type).to.equal(null);
    }
    const route = await fetch(`${t.url}/imports/templates/constructor.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    expect(route.status).to.equal(404);
  });

  it('takes an explicit null order as the default one, on every list that has an order', async () => {
    for (const [field, type] of [['people', 'PersonOrder'], ['departments', 'OrganisationOrder'], ['unionGroups', 'OrganisationOrder'], ['users', 'UserOrder']]) {
      const res = await post(t, JSON.stringify({ query: `query($o: ${type}) { ${field}(orderBy: $o, first: 3) { totalCount } }`, variables: { o: null } }), admin);
      expect(res.status, field).to.equal(200);
      expect(res.body.errors, field).to.equal(undefined);
    }
  });

  it('refuses NUL characters in variables and in string literals with 400', async () => {
    const inVariable = await post(t, JSON.stringify({ query: 'query($s: String) { people(filter: {search: $s}) { totalCount } }', variables: { s: 'a\u0000b' } }), admin);
    expect(inVariable.status).to.equal(400);
    expect(inVariable.body.errors![0].message).to.match(/变量 \$s 含有 NUL 字符/);
    const inLiteral = await post(t, JSON.stringify({ query: '{ people(filter: {search: "a\\u0000b"}) { totalCount } }' }), admin);
    expect(inLiteral.status).to.equal(400);
    expect(inLiteral.body.errors![0].message).to.match(/字符串含有 NUL 字符/);
    const inInput = await post(t, JSON.stringify({ query: 'mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { id } } }', variables: { i: { staffNumber: 'N1', name: 'x\u0000' } } }), admin);
    expect(inInput.status).to.equal(400);
    expect(await t.models.Person.countDocuments({ staffNumber: 'N1' })).to.equal(0);
  });
});

describe('production error messages', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ NODE_ENV: 'production' });
  });
  after(() => t.stop());

  it('gives no field suggestions that would reveal the schema', async () => {
    const res = await post(t, JSON.stringify({ query: '{ peopl { totalCount } }' }), t.tokenFor('ADMIN'));
    expect(res.status).to.equal(400);
    expect(res.body.errors![0].message).to.not.match(/Did you mean/);
  });
});
