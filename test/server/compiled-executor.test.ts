// Operations run compiled (graphql-jit behind Apollo's gateway option): what graphql-js gave
// must hold — methods and promises as field values, errors with their codes and locations,
// variables that do not coerce refused as BAD_USER_INPUT in the caller's language.
import { expect } from 'chai';
import { errorCode, startTestServer, type TestServer } from '../helpers/server.js';

describe('compiled executor', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => (t = await startTestServer()));
  after(() => t.stop());

  it('resolves fields whose values are methods or promises (a connection\'s totalCount)', async () => {
    const res = await t.gql('{ people(first: 2) { totalCount edges { node { name department { name } } } } }', {}, t.tokenFor('VIEWER'));
    expect(res.errors).to.equal(undefined);
    const people = (res.data as { people: { totalCount: number; edges: { node: { name: string } }[] } }).people;
    expect(people.totalCount).to.be.a('number').and.greaterThan(2);
    expect(people.edges).to.have.length(2);
  });

  it('keeps a resolver error\'s code, path and location', async () => {
    const res = await t.gql('{\n  users(first: 5) { totalCount }\n}', {}, t.tokenFor('VIEWER'));
    expect(errorCode(res)).to.equal('FORBIDDEN');
    expect(res.errors![0].path).to.deep.equal(['users']);
    expect((res.errors![0] as { locations?: unknown }).locations).to.deep.equal([{ line: 2, column: 3 }]);
  });

  it('refuses variables that do not coerce as BAD_USER_INPUT with status 400, in Chinese for a Chinese caller', async () => {
    const query = 'query($n: Int!) { people(first: $n) { totalCount } }';
    const english = await t.gql(query, { n: 'many' }, t.tokenFor('VIEWER'));
    expect(english.status).to.equal(400);
    expect(errorCode(english)).to.equal('BAD_USER_INPUT');
    expect(english.errors![0].message).to.match(/\$n/);
    const chinese = await t.gql(query, {}, t.tokenFor('VIEWER'), { 'accept-language': 'zh-CN' });
    expect(chinese.status).to.equal(400);
    expect(errorCode(chinese)).to.equal('BAD_USER_INPUT');
    expect(chinese.errors![0].message).to.match(/[\u4e00-\u9fff]/);
  });

  it('fills an input object\'s field left to its default, as graphql-js does', async () => {
    const res = await t.gql('query($o: UserOrder) { users(first: 3, orderBy: $o) { totalCount } }', { o: { field: 'CREATED_AT' } }, t.tokenFor('ADMIN'));
    expect(res.errors).to.equal(undefined);
    expect((res.data as { users: { totalCount: number } }).users.totalCount).to.be.a('number');
  });

  it('answers the same operation the same way every time it runs (compiled once, reused)', async () => {
    const token = t.tokenFor('VIEWER');
    const query = 'query Page($n: Int!) { people(first: $n) { edges { node { id } } } }';
    const first = await t.gql(query, { n: 3 }, token);
    const again = await t.gql(query, { n: 3 }, token);
    const other = await t.gql(query, { n: 1 }, token);
    expect(again.body).to.equal(first.body);
    expect((other.data as { people: { edges: unknown[] } }).people.edges).to.have.length(1);
  });
});
