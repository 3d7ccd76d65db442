import { expect } from 'chai';
import type { CommandStartedEvent } from 'mongodb';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('DataLoader batching (N+1 bound)', () => {
  let t: TestServer;
  let commands: string[] = [];
  const listen = (e: CommandStartedEvent) => commands.push(e.commandName);

  before(async () => {
    t = await startTestServer({ SEED_DEMO_DATA: 'true', MAX_QUERY_COST: '100000' }, { monitorCommands: true });
    const models = t.models;
    const deps = await models.Department.find().lean();
    const groups = await models.UnionGroup.find().lean();
    await models.Person.insertMany(
      Array.from({ length: 120 }, (_, i) => ({ staffNumber: `N${i}`, name: `批量${i}`, department: deps[i % deps.length]._id, unionGroup: groups[i % groups.length]._id })),
    );
    t.server.database.connection.getClient().on('commandStarted', listen);
  });
  after(async () => {
    t.server.database.connection.getClient().off('commandStarted', listen);
    await t.stop();
  });

  async function commandsFor(first: number) {
    commands = [];
    const res = await t.gql(`query($n: Int) { people(first: $n) { totalCount edges { node { name department { name } unionGroup { name } } } } }`, { n: first }, t.tokenFor('VIEWER'));
    const edges = (res.data as { people: { edges: { node: { department: { name: string } | null } }[] } }).people.edges;
    expect(edges).to.have.length(first);
    expect(edges.every((e) => e.node.department !== null)).to.equal(true);
    return [...commands];
  }

  it('uses the same small number of database commands for 5, 50 and 100 people', async () => {
    const small = await commandsFor(5);
    const page = await commandsFor(50);
    const large = await commandsFor(100);
    expect(page.length).to.equal(small.length);
    expect(large.length).to.equal(small.length);
    // the token's institution, people page, count, departments batch, union groups batch
    expect(page.filter((c) => c === 'find')).to.have.length(4);
    expect(page.length).to.be.at.most(5);
  });
});
