import { expect } from 'chai';
import type { CommandStartedEvent } from 'mongodb';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, payloadOf, step, type Ids } from '../helpers/records.js';

type Node = { __typename: string; title: string; level: string; resultLabel: string; date: string | null };

describe('achievements list and profiles', () => {
  let t: TestServer;
  let ids: Ids;
  let admin: string;
  const year = 2017;

  before(async () => {
    t = await startTestServer({ MAX_QUERY_COST: '100000' }, { monitorCommands: true });
    ids = await demoIds(t);
    admin = t.tokenFor('ADMIN');
    // Crafted, in scrambled order: levels, grades, dates and a vague result.
    const c = async (name: string, level: string) => createCompetition(t, { name, level, year });
    const muni = await c('排序-市赛', 'MUNICIPAL');
    const prov = await c('排序-省赛', 'PROVINCIAL');
    const nat = await c('排序-国赛', 'NATIONAL');
    const add = async (competitionId: string, staff: string, result: Record<string, unknown>, date: string) => {
      const { payload } = await createAward(t, { competitionId, personIds: [ids.person[staff]], date, ...result });
      const id = (payload!.award as { id: string }).id;
      await step(t, 'awardSubmit', id, admin);
      await step(t, 'awardVerify', id, t.tokenFor('VERIFIER'));
      return id;
    };
    await add(muni, 'Z0105', { grade: 'FIRST' }, `${year}-03-01`);
    await add(prov, 'Z0106', { resultText: '多项奖项' }, `${year}-01-01`);
    await add(nat, 'Z0107', { grade: 'THIRD' }, `${year}-02-01`);
    await add(prov, 'Z0108', { grade: 'SECOND' }, `${year}-06-01`);
    await add(prov, 'Z0109', { grade: 'SECOND' }, `${year}-04-01`);
    await add(nat, 'Z0110', { placement: 1 }, `${year}-09-01`);
    await add(prov, 'Z0111', { grade: 'MERIT' }, `${year}-02-01`);
    await payloadOf(
      await t.gql(`mutation($i: HonourConferInput!) { honourConfer(input: $i) { userErrors { message } } }`, { i: { title: '排序-省称号', honourKind: 'OTHER', conferredBy: '某机关', level: 'PROVINCIAL', personId: ids.person.Z0105, year, date: `${year}-12-01` } }, admin),
      'honourConfer',
    );
  });
  after(() => t.stop());

  const list = async (filter: Record<string, unknown>, orderBy = 'RANK', first = 50) => {
    const res = await t.gql(
      `query($f: AchievementFilter, $o: AchievementOrder, $n: Int) { achievements(filter: $f, orderBy: $o, first: $n) { totalCount edges { node { __typename title level resultLabel date } } } }`,
      { f: filter, o: orderBy, n: first },
      t.tokenFor('VIEWER'),
    );
    return (res.data as { achievements: { totalCount: number; edges: { node: Node }[] } }).achievements;
  };

  it('orders by level, then result (vague last within its level), then date', async () => {
    const { edges } = await list({ year });
    expect(edges.map((e) => `${e.node.level}:${e.node.resultLabel}:${e.node.date ?? '-'}`)).to.deep.equal([
      `NATIONAL:第一名:${year}-09-01`,
      `NATIONAL:三等奖:${year}-02-01`,
      `PROVINCIAL:排序-省称号:${year}-12-01`,
      `PROVINCIAL:二等奖:${year}-04-01`,
      `PROVINCIAL:二等奖:${year}-06-01`,
      `PROVINCIAL:优胜奖:${year}-02-01`,
      `PROVINCIAL:多项奖项:${year}-01-01`,
      `MUNICIPAL:一等奖:${year}-03-01`,
    ]);
  });

  it('orders by date, newest first', async () => {
    const { edges } = await list({ year }, 'DATE');
    const dates = edges.map((e) => e.node.date!);
    expect(dates).to.deep.equal([...dates].sort().reverse());
  });

  it('filters by level, kind, status, category, person and department', async () => {
    expect((await list({ year, levelAtLeast: 'PROVINCIAL' })).totalCount).to.equal(7);
    expect((await list({ year, kind: 'HONOUR' })).totalCount).to.equal(1);
    expect((await list({ year, status: 'VERIFIED' })).totalCount).to.equal(7);
    expect((await list({ year, status: 'DRAFT' })).totalCount).to.equal(1);
    expect((await list({ year, category: 'SKILLS' })).totalCount).to.equal(7);
    expect((await list({ year, personId: ids.person.Z0105 })).totalCount).to.equal(2);
    expect((await list({ year, departmentId: ids.department.CSK })).totalCount).to.equal(2);
  });

  it('gives a person and a department their achievements and counts by level over the years', async () => {
    const res = await t.gql(
      `query($p: ID!, $d: ID!) {
        person: node(id: $p) { ... on Person { achievements(filter: { year: ${year} }) { totalCount } achievementCounts { year level count } all: achievementCounts(status: null) { year level count } } }
        department: node(id: $d) { ... on Department { achievementCounts { year level levelLabel count } } }
      }`,
      { p: ids.person.Z0105, d: ids.department.ZYJK },
      admin,
    );
    const data = res.data as { person: { achievements: { totalCount: number }; achievementCounts: unknown[]; all: unknown[] }; department: { achievementCounts: { year: number; level: string; count: number }[] } };
    expect(data.person.achievements.totalCount).to.equal(2);
    expect(data.person.achievementCounts).to.deep.include({ year, level: 'MUNICIPAL', count: 1 });
    expect(data.person.achievementCounts).to.not.deep.include({ year, level: 'PROVINCIAL', count: 1 }); // the title is a draft
    expect(data.person.all).to.deep.include.members([{ year, level: 'PROVINCIAL', count: 1 }, { year, level: 'MUNICIPAL', count: 1 }]);
    // 中药剂科's national results in 2018, 2019 and 2020 (seeded from the report)
    const national = data.department.achievementCounts.filter((c) => c.level === 'NATIONAL').map((c) => c.year);
    expect(national).to.include.members([2018, 2019, 2020]);
  });

  it('answers achievements(first: 100) with recipients, competitions and departments in a constant number of commands', async () => {
    const client = t.server.database.connection.getClient();
    let commands = 0;
    const count = (e: CommandStartedEvent) => void (e.commandName !== 'endSessions' && commands++);
    client.on('commandStarted', count);
    try {
      const run = async (first: number) => {
        commands = 0;
        const res = await t.gql(
          `query($n: Int) { achievements(first: $n) { edges { node { title people { name department { name } unionGroup { name } } departments { name } collective { name } ... on Award { competition { name } honours { title } } } } } }`,
          { n: first },
          t.tokenFor('VIEWER'),
        );
        expect(res.errors).to.equal(undefined);
        return { commands, n: (res.data as { achievements: { edges: unknown[] } }).achievements.edges.length };
      };
      const small = await run(3);
      const large = await run(100);
      expect(large.n).to.be.greaterThan(20);
      expect(large.commands).to.equal(small.commands);
      expect(large.commands).to.be.at.most(8);
    } finally {
      client.off('commandStarted', count);
    }
  });
});
