// Levels below the district (镇街级) and a level the source does not state (级别未注明).
import { expect } from 'chai';
import { withEveryTerm } from '../../src/modules/achievements/policy.js';
import { createAward, createCompetition, step, useDemoServer } from '../helpers/records.js';

describe('town and unstated levels', () => {
  const demo = useDemoServer();

  it('warns at entry of an unstated level, counts it apart, and drafts a town result with 镇', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const verifier = demo.t.tokenFor('VERIFIER');
    const res = await demo.t.gql<{ competitionCreate: { competition: { id: string }; warnings: { code: string }[] } }>(
      'mutation($i: CompetitionCreateInput!) { competitionCreate(input: $i) { competition { id } warnings { code message } } }',
      { i: { name: '来源未写级别的讲课比赛', level: 'UNSPECIFIED', category: 'TEACHING', year: 2021 } },
      admin,
    );
    expect(res.data!.competitionCreate.warnings.map((w) => w.code)).to.deep.equal(['LEVEL_UNSPECIFIED']);
    const unstated = await createAward(demo.t, { competitionId: res.data!.competitionCreate.competition.id, personIds: [demo.ids.person.Z0101], grade: 'FIRST', date: '2021-03-03' });
    expect(unstated.payload!.warnings!.map((w) => w.code)).to.deep.equal(['LEVEL_UNSPECIFIED']);
    const townId = await createCompetition(demo.t, { name: '健身操比赛', level: 'TOWN', category: 'SPORTS', year: 2021 });
    const town = await createAward(demo.t, { competitionId: townId, personIds: [demo.ids.person.Z0121], grade: 'SECOND', date: '2021-04-04' });
    for (const p of [unstated, town]) {
      const id = (p.payload!.award as { id: string }).id;
      await step(demo.t, 'awardSubmit', id, admin);
      await step(demo.t, 'awardVerify', id, verifier);
    }
    const report = await demo.t.gql<{ achievementReport: { narrative: { text: string }[]; totals: { byLevel: { level: string; count: number }[] } } }>(
      '{ achievementReport(year: 2021) { narrative { text } totals { byLevel { level count } } } }',
      {},
      demo.t.tokenFor('VIEWER'),
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
    expect(withEveryTerm(old).levelOrder).to.deep.equal(['INTERNATIONAL', 'NATIONAL', 'MUNICIPAL', 'PROVINCIAL', 'DISTRICT', 'TOWN', 'INSTITUTION', 'UNSPECIFIED']);
  });
});
