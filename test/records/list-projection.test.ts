// The achievements list reads only the stored fields its query selects: whatever a query
// asks, a record in the list reads exactly as the same record fetched whole by node(id).
import { expect } from 'chai';
import { buildSchema, getNamedType, isLeafType, isObjectType, type GraphQLObjectType } from 'graphql';
import type { CommandStartedEvent, Document } from 'mongodb';
import { loadTypeDefs } from '../../src/schema.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, payloadOf, step } from '../helpers/records.js';

const schema = buildSchema(loadTypeDefs());

/**
 * Each field without arguments as a selection, objects by their leaf fields, all but
 * `history`; at the top, aliased by type (the kinds type some fields differently: year Int!
 * and Int).
 */
function fieldsOf(type: GraphQLObjectType, depth = 0): string[] {
  return Object.values(type.getFields())
    .filter((f) => !f.args.length && f.name !== 'history')
    .map((f) => {
      const named = getNamedType(f.type);
      const field = depth === 0 ? `${type.name}_${f.name}: ${f.name}` : f.name;
      if (isLeafType(named)) return field;
      if (depth === 0 && isObjectType(named)) return `${field} { __typename ${fieldsOf(named, 1).join(' ')} }`;
      return '';
    })
    .filter(Boolean);
}

const KINDS = ['Award', 'Honour', 'ModelWorkerDesignation'];
const FIELDS = Object.fromEntries(KINDS.map((k) => [k, fieldsOf(schema.getType(k) as GraphQLObjectType)]));
const SELECTION = `__typename ${KINDS.map((k) => `... on ${k} { ${FIELDS[k].join(' ')} }`).join(' ')}`;

type Edge = { cursor: string; node: { id: string; __typename?: string; history?: unknown } & Record<string, unknown> };

describe('achievements list: only the selected fields are read', () => {
  let t: TestServer;
  let viewer: string;
  before(async () => {
    t = await startTestServer({ MAX_QUERY_COST: '1000000', MAX_ALIASES: '1000' }, { monitorCommands: true });
    viewer = t.tokenFor('VIEWER');
    // A verified award edited afterwards: a record with history, whose revision changes
    // compare the old version with the whole record.
    const ids = await demoIds(t);
    const admin = t.tokenFor('ADMIN');
    const { payload } = await createAward(t, { competitionId: await createCompetition(t, { year: 2016 }), personIds: [ids.person.Z0105], grade: 'SECOND', date: '2016-05-01' });
    const id = (payload!.award as { id: string }).id;
    await step(t, 'awardSubmit', id, admin);
    await step(t, 'awardVerify', id, t.tokenFor('VERIFIER'));
    const edit = await t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { userErrors { message } } }`, { i: { id, grade: 'FIRST' } }, admin);
    expect(payloadOf(edit, 'awardUpdate').userErrors).to.deep.equal([]);
    // A model worker with a studio (the demo year holds none).
    const designation = { personId: ids.person.Z0112, designation: 'MODEL_WORKER', title: '绍兴市劳动模范', level: 'MUNICIPAL', conferredBy: '绍兴市人民政府', session: '第十七届', year: 2016, studio: { name: '劳模工作室', established: '2016-05-01', memberIds: [ids.person.Z0110] } };
    const designated = await t.gql(`mutation($i: ModelWorkerDesignateInput!) { modelWorkerDesignate(input: $i) { userErrors { message } } }`, { i: designation }, admin);
    expect(payloadOf(designated, 'modelWorkerDesignate').userErrors).to.deep.equal([]);
  });
  after(() => t.stop());

  const page = async (selection: string, first: number, after: string | null = null) => {
    const res = await t.gql(`query($n: Int, $a: String) { achievements(first: $n, after: $a) { pageInfo { hasNextPage endCursor } edges { cursor node { id ${selection} } } } }`, { n: first, a: after }, viewer);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return (res.data as { achievements: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Edge[] } }).achievements;
  };
  const whole = async (id: string, selection: string) => {
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Achievement { id } ${selection} } }`, { id }, viewer);
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return (res.data as { node: Record<string, unknown> }).node;
  };

  /** Every record of the list, in pages of `first`. */
  const all = async (selection: string, first: number) => {
    const nodes: Edge['node'][] = [];
    for (let after: string | null = null, more = true; more; ) {
      const p = await page(selection, first, after);
      nodes.push(...p.edges.map((e) => e.node));
      [after, more] = [p.pageInfo.endCursor, p.pageInfo.hasNextPage];
    }
    return nodes;
  };

  it('gives every field of every kind of record as the whole record does', async () => {
    const nodes = await all(SELECTION, 100);
    expect(new Set(nodes.map((n) => n.__typename))).to.deep.equal(new Set(KINDS));
    const wholes = new Map<string, Record<string, unknown>>();
    for (const node of nodes) wholes.set(node.id, await whole(node.id, SELECTION));
    for (const node of nodes) expect(node, node.id).to.deep.equal(wholes.get(node.id));
    // And each field asked alone, as a dashboard might: it reads what its resolver needs.
    for (const kind of KINDS) {
      for (const field of FIELDS[kind]) {
        for (const node of await all(`__typename ... on ${kind} { ${field} }`, 100)) {
          if (node.__typename !== kind) continue;
          const alias = field.slice(0, field.indexOf(':'));
          expect(node[alias], `${node.id} ${alias}`).to.deep.equal(wholes.get(node.id)![alias]);
        }
      }
    }
  });

  it('gives a revision’s changes as the whole record does', async () => {
    const selection = `... on Award { history { revision snapshot changes { field label before after } } }`;
    const edited = (await all(selection, 100)).filter((n) => (n.history as unknown[] | undefined)?.length);
    expect(edited.length).to.be.greaterThan(0);
    for (const node of edited) expect(node).to.deep.equal(await whole(node.id, selection));
  });

  it('pages through the same records with a narrow selection as with a wide one', async () => {
    const narrow = (await all('', 7)).map((n) => n.id);
    expect(narrow.length).to.be.greaterThan(7);
    expect(narrow).to.deep.equal((await all(SELECTION, 7)).map((n) => n.id));
  });

  /** The reads of records (not of the viewer's institution) a page of `selection` sends. */
  async function commandsFor(selection: string) {
    const client = t.server.database.connection.getClient();
    const sent: Document[] = [];
    const records = ['achievements', 'people', 'departments', 'competitions'];
    const seen = (e: CommandStartedEvent) => void (records.includes(e.command.find ?? e.command.aggregate) && sent.push(e.command));
    client.on('commandStarted', seen);
    try {
      await page(selection, 10);
    } finally {
      client.off('commandStarted', seen);
    }
    return sent;
  }

  it('reads an empty page with its joins as an empty page', async () => {
    const res = await t.gql(`{ achievements(filter: { year: 1901 }, first: 10) { edges { node { title people { name } } } pageInfo { hasNextPage } } }`, {}, t.tokenFor('VIEWER'));
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    expect(res.data).to.deep.equal({ achievements: { edges: [], pageInfo: { hasNextPage: false } } });
  });

  it('asks the database for the selected fields only', async () => {
    const sent = await commandsFor('title levelLabel');
    expect(sent.map((c) => c.find ?? c.aggregate)).to.deep.equal(['achievements']);
    expect(Object.keys(sent[0].projection as object).sort()).to.deep.equal(['kind', 'level', 'rankKey', 'title']);
  });

  it('reads the recipients, their departments and the competition with the page, in one command', async () => {
    const sent = await commandsFor('title people { name department { name } } ... on Award { competition { name } }');
    expect(sent.map((c) => c.find ?? c.aggregate)).to.deep.equal(['achievements']);
    const stages = sent[0].pipeline as Document[];
    expect(Object.keys(stages.find((s) => s.$project)!.$project).sort()).to.deep.equal(['competition', 'departments', 'kind', 'people', 'rankKey', 'title']);
    // Each kind of record once, however many rows name it.
    const facet = stages.find((s) => s.$facet)!.$facet as Record<string, Document[]>;
    expect(Object.keys(facet).sort()).to.deep.equal(['competition', 'departments', 'people', 'rows']);
    expect(['competition', 'departments', 'people'].map((k) => facet[k].find((s) => s.$lookup)!.$lookup.from)).to.deep.equal(['competitions', 'departments', 'people']);
  });
});
