// Every mutation and every query argument, fed values drawn from its own SDL type and then
// corrupted (wrong types, NUL and control characters, prototype keys, operator-looking
// strings, huge texts, foreign and forged ids): never a 500, never an internal error, and
// the server keeps answering. Seeded: a failure replays.
import { expect } from 'chai';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { seededRandom } from '../../seeds/random.js';
import { loadTypeDefs } from '../../src/schema.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { demoIds } from '../helpers/records.js';

const schema = buildSchema(loadTypeDefs());
const forged = (type: string, hex = '0'.repeat(24)) => Buffer.from(`${type}:${hex}`).toString('base64url');
const STRINGS = ['', '   ', '正常文本', 'a\u0001b', '长'.repeat(5000), '$where', '{"$gt": ""}', '.*', '(', '\\', '__proto__', '<script>', '=cmd|calc', '\u202e反转'];
const FORGED_IDS = ['', 'bogus', forged('__proto__'), forged('constructor'), forged('Person', 'zz'), forged('Nothing'), forged('User'), '%%%', 'A'.repeat(300)];

describe('schema-driven malformed input (every mutation and query argument)', function () {
  this.timeout(300_000);
  let t: TestServer;
  let realIds: string[];
  before(async () => {
    t = await startTestServer();
    const ids = await demoIds(t);
    realIds = [...Object.values(ids.person).slice(0, 3), ...Object.values(ids.department).slice(0, 3)];
  });
  after(() => t.stop());

  function valueFor(type: GraphQLInputType, random: () => number, depth = 0): unknown {
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    if (random() < 0.03) return pick([null, 42, 'x', [], {}, true]);
    if (isNonNullType(type)) return valueFor(type.ofType, random, depth);
    if (isListType(type)) return depth > 4 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => valueFor(type.ofType, random, depth + 1));
    if (isEnumType(type)) return random() < 0.8 ? pick(type.getValues()).value : 'NOPE';
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const field of Object.values(type.getFields())) if (random() < 0.7) out[field.name] = valueFor(field.type, random, depth + 1);
      if (random() < 0.1) out[pick(['__proto__', 'constructor', '$set', 'unknownField'])] = 'x';
      return out;
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'ID':
          return random() < 0.5 ? pick(realIds) : pick(FORGED_IDS);
        case 'Int':
          return pick([0, -1, 1, 3, 2020, 2147483647, -2147483648, 1.5]);
        case 'Float':
          return pick([0, -1, 0.5, 1e300, 27800]);
        case 'Boolean':
          return pick([true, false]);
        case 'Date':
          return pick(['2020-01-01', '2020-13-45', '', '0000-00-00', '2999-12-31', '2020-02-30']);
        case 'DateTime':
          return pick(['2020-01-01T00:00:00Z', 'yesterday', '', '2020-01-01T25:00:00Z']);
        default:
          return pick(STRINGS);
      }
    }
    return null;
  }

  const root = (name: 'Query' | 'Mutation') => Object.values((schema.getType(name) as GraphQLObjectType).getFields());
  /** A selection that asks for something cheap: __typename, or the payload's userErrors. */
  const selection = (field: GraphQLField<unknown, unknown>) => {
    const type = getNamedType(field.type);
    if (isScalarType(type) || isEnumType(type)) return '';
    const fields = 'getFields' in type ? type.getFields() : {};
    return 'userErrors' in fields ? '{ __typename userErrors { field code message } }' : '{ __typename }';
  };

  const HAN = /\p{Script=Han}/u;

  async function hammer(kind: 'Query' | 'Mutation', rounds: number, language: 'en' | 'zh-CN' = 'en') {
    const admin = t.tokenFor('ADMIN');
    const fields = root(kind).filter((f) => f.args.length && f.name !== 'login');
    expect(fields.length).to.be.greaterThan(kind === 'Query' ? 10 : 30);
    const random = seededRandom(kind.length * 104729 + (language === 'en' ? 0 : 1));
    let executed = 0;
    let sent = 0;
    for (const field of fields) {
      for (let i = 0; i < rounds; i++) {
        const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, random)]));
        const declared = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
        const passed = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const query = `${kind === 'Query' ? 'query' : 'mutation'}(${declared}) { r: ${field.name}(${passed}) ${selection(field)} }`;
        const res = await t.gql(query, variables, admin, { 'accept-language': language === 'en' ? 'en' : 'zh-CN,zh;q=0.9,en;q=0.8' });
        sent++;
        if (res.data) executed++;
        const where = `${field.name}(${JSON.stringify(variables).slice(0, 300)}) → ${res.status} ${res.body.slice(0, 300)}`;
        expect(res.status, where).to.be.oneOf([200, 400, 429]);
        for (const e of res.errors ?? []) expect(e.extensions?.code, where).to.not.equal('INTERNAL_SERVER_ERROR');
        if (language === 'zh-CN') {
          // Whatever a Chinese caller is told is (at least) in Chinese.
          const userErrors = ((res.data?.r as { userErrors?: { message: string }[] } | null)?.userErrors ?? []).map((u) => u.message);
          for (const message of [...(res.errors ?? []).map((e) => e.message), ...userErrors]) expect(message, where).to.match(HAN);
        }
      }
    }
    // Many inputs get past coercion and reach the services' own validation (queries less
    // often: a page size or cursor out of range refuses the whole field).
    expect(executed / sent).to.be.greaterThan(kind === 'Query' ? 0.1 : 0.25);
    expect((await fetch(`${t.url}/healthz`)).status).to.equal(200);
  }

  it('answers every query argument cleanly', () => hammer('Query', 12));
  it('answers every mutation cleanly', () => hammer('Mutation', 25));
  it('answers a Chinese caller in Chinese, every query and mutation', async () => {
    await hammer('Query', 4, 'zh-CN');
    await hammer('Mutation', 8, 'zh-CN');
  });
});
