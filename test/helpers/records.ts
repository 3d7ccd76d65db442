// Small factories over the real API for the record tests.
import { expect } from 'chai';
import { startTestServer, type GqlResponse, type TestServer } from './server.js';

export interface Ids {
  person: Record<string, string>;
  department: Record<string, string>;
  unionGroup: Record<string, string>;
}

/** For a describe block: a test server over the demo data, and the demo's ids, set before its tests. */
export function useDemoServer(): { t: TestServer; ids: Ids } {
  const shared = {} as { t: TestServer; ids: Ids };
  before(async () => {
    shared.t = await startTestServer();
    shared.ids = await demoIds(shared.t);
  });
  after(() => shared.t?.stop());
  return shared;
}

/** Global ids of the demo staff (by staff number), departments and groups (by code). */
export async function demoIds(t: TestServer): Promise<Ids> {
  const res = await t.gql(
    `{ people(first: 100) { edges { node { id staffNumber } } } departments(first: 100) { edges { node { id code } } } unionGroups(first: 100) { edges { node { id code } } } }`,
    {},
    t.tokenFor('ADMIN'),
  );
  const d = res.data as { people: { edges: { node: { id: string; staffNumber: string } }[] }; departments: { edges: { node: { id: string; code: string } }[] }; unionGroups: { edges: { node: { id: string; code: string } }[] } };
  return {
    person: Object.fromEntries(d.people.edges.map((e) => [e.node.staffNumber, e.node.id])),
    department: Object.fromEntries(d.departments.edges.map((e) => [e.node.code, e.node.id])),
    unionGroup: Object.fromEntries(d.unionGroups.edges.map((e) => [e.node.code, e.node.id])),
  };
}

export interface Payload<T = Record<string, unknown>> {
  userErrors: { field: string[]; code: string; message: string }[];
  warnings?: { code: string; message: string; recordId: string | null }[];
  [key: string]: T | unknown;
}

/** The payload of the first mutation field in a response, failing on thrown errors. */
export function payloadOf(res: GqlResponse, name: string): Payload {
  expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
  return (res.data as Record<string, Payload>)[name];
}

let counter = 0;

export async function createCompetition(t: TestServer, input: Record<string, unknown> = {}): Promise<string> {
  const res = await t.gql(
    `mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { competition { id } userErrors { field code message } } }`,
    { i: { name: `测试竞赛${++counter}-${Date.now()}`, level: 'MUNICIPAL', category: 'SKILLS', year: 2020, ...input } },
    t.tokenFor('ADMIN'),
  );
  const p = payloadOf(res, 'competitionCreate');
  expect(p.userErrors).to.deep.equal([]);
  return (p.competition as { id: string }).id;
}

export const AWARD_FIELDS = `id status revision title resultLabel level year date grade placement resultText people { staffNumber } collective { kind name } history { revision snapshot changes { field label before after } } statusLog { status reason by { username } } returnReason verifiedBy { username }`;

export async function createAward(t: TestServer, input: Record<string, unknown>, token = t.tokenFor('ADMIN')) {
  const res = await t.gql(`mutation($i: AwardCreateInput!) { awardCreate(input: $i) { award { ${AWARD_FIELDS} } warnings { code message recordId } userErrors { field code message } } }`, { i: input }, token);
  return { res, payload: res.errors ? undefined : payloadOf(res, 'awardCreate') };
}

/** Runs a workflow step mutation on a record and returns its payload. */
export async function step(t: TestServer, mutation: string, id: string, token: string, extra: Record<string, unknown> = {}, fields = 'id status') {
  const inputType = mutation.endsWith('Return') ? 'RecordReturnInput' : 'RecordIdInput';
  const key = mutation.startsWith('award') ? 'award' : mutation.startsWith('honour') ? 'honour' : mutation.startsWith('donation') ? 'donation' : 'designation';
  const res = await t.gql(`mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${key} { ${fields} } userErrors { field code message } } }`, { i: { id, ...extra } }, token);
  return { res, payload: res.errors ? undefined : payloadOf(res, mutation), record: res.errors ? undefined : ((res.data as Record<string, Record<string, unknown>>)[mutation][key] as Record<string, unknown> | null) };
}
