// Levels below the district (镇街级) and a level the source does not state (级别未注明).
import { expect } from 'chai';
import { withEveryLevel } from '../../src/modules/achievements/policy.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, step, type Ids } from '../helpers/records.js';

describe('town and unstated levels', () => {
  let t: TestServer;
  let ids: Ids;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
  });
  after(() => t.stop());

  it('warns at entry of an unstated level, counts it apart, and drafts a town result with 镇', async () => {
    const admin = t.tokenFor('ADMIN');
    const verifier = t.tokenFor('VERIFIER');
    const res = await t.gql<{ competitionCreate: { competition: { id: string }; warnings: { code: string }[] } }>(
      'mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { competition { id } warnings { code message } } }',
      { i: { name: '来源未写级别的讲课比赛', level: 'UNSPECIFIED', category: 'TEACHING', year: 2021 } },
      admin,
    );
    expect(res.data!.competitionCreate.warnings.map((w) => w.code)).to.deep.equal(['LEVEL_UNSPECIFIED']);
    const unstated = await createAward(t, { competitionId: res.data!.competitionCreate.competition.id, personIds: [ids.person.Z0101], grade: 'FIRST', date: '2021-03-03' });
    expect(unstated.payload!.warnings!.map((w) => w.code)).to.deep.equal(['LEVEL_UNSPECIFIED']);
    const townId = await createCompetition(t, { name: '健身操比赛', level: 'TOWN', category: 'SPORTS', year: 2021 });
    const town = await createAward(t, { competitionId: townId, personIds: [ids.person.Z0121], grade: 'SECOND', date: '2021-04-04' });
    for (const p of [unstated, town]) {
      const id = (p.payload!.award as { id: string }).id;
      await step(t, 'awardSubmit', id, admin);
      await step(t, 'awardVerify', id, verifier);
    }
    const report = await t.gql<{ achievementReport: { narrative: { text: string }[]; totals: { byLevel: { level: string; count: number }[] } } }>(
      '{ achievementReport(year: 2021) { narrative { text } totals { byLevel { level count } } } }',
      {},
      t.tokenFor('VIEWER'),
    );
    const r = report.data!.achievementReport;
    const text = r.narrative.map((p) => p.text).join('');
    expect(text).to.include('其中镇级1项，另有1项未注明级别');
    expect(text).to.include('获镇健身操比赛二等奖');
    expect(text).to.include('获来源未写级别的讲课比赛一等奖');
    expect(r.totals.byLevel.find((l) => l.level === 'UNSPECIFIED')!.count).to.equal(1);
  });

  it('reads a policy stored before the new levels with each in its default place', () => {
    const old = { levelOrder: ['INTERNATIONAL', 'NATIONAL', 'MUNICIPAL', 'PROVINCIAL', 'DISTRICT', 'INSTITUTION'], gradeTiers: [] } as never;
    expect(withEveryLevel(old).levelOrder).to.deep.equal(['INTERNATIONAL', 'NATIONAL', 'MUNICIPAL', 'PROVINCIAL', 'DISTRICT', 'TOWN', 'INSTITUTION', 'UNSPECIFIED']);
  });
});
