// The streaks' summary (award_years) kept by the writes: after each verify, correction and
// competition change, the rows equal a rebuild from the records, and the report's streaks
// read from them.
import { expect } from 'chai';
import { rebuildAwardYears } from '../../src/modules/achievements/award-years.js';
import { Ranker } from '../../src/modules/achievements/ranking.js';
import { streaksFor } from '../../src/modules/reports/data.js';
import { createAward, createCompetition, payloadOf, step, useDemoServer } from '../helpers/records.js';

describe('streaks summary kept by the writes', () => {
  const demo = useDemoServer();
  const rows = async () => (await demo.t.models.AwardYear.find({}, { _id: 0, recipient: 1, year: 1, levels: 1 }).sort({ recipient: 1, year: 1 }).lean());
  /** The maintained rows, checked against a rebuild from the verified awards. */
  const maintained = async () => {
    const kept = await rows();
    await rebuildAwardYears(demo.t.models);
    expect(kept).to.deep.equal(await rows());
    return kept;
  };
  const personKey = async (staffNumber: string) => `P:${(await demo.t.models.Person.findOne({ staffNumber }).lean())!._id}`;
  const streaks = async () => {
    const res = await demo.t.gql<{ achievementReport: { streaks: { person: { staffNumber: string } | null; level: string; years: number }[] } }>(`{ achievementReport(year: 2020) { streaks { person { staffNumber } level years } } }`, {}, demo.t.tokenFor('VIEWER'));
    expect(res.errors, JSON.stringify(res.errors)).to.equal(undefined);
    return res.data!.achievementReport.streaks.filter((s) => s.person);
  };
  const verified = async (input: Record<string, unknown>) => {
    const created = await createAward(demo.t, input, demo.t.tokenFor('CLERK', { wholeInstitution: true }));
    expect(created.payload!.userErrors).to.deep.equal([]);
    const id = (created.payload!.award as { id: string }).id;
    await step(demo.t, 'awardSubmit', id, demo.t.tokenFor('CLERK', { wholeInstitution: true }));
    expect((await step(demo.t, 'awardVerify', id, demo.t.tokenFor('VERIFIER'))).record).to.include({ status: 'VERIFIED' });
    return id;
  };

  it('holds the demo year’s rows as the records make them', async () => {
    const kept = await maintained();
    expect(kept.length).to.be.greaterThan(10);
  });

  it('follows a verification, a correction of the recipients and a competition’s new level and year', async () => {
    const [a, b] = [await personKey('Z0110'), await personKey('Z0111')];
    const national2019 = await createCompetition(demo.t, { name: '全国护理技能大赛测试', level: 'NATIONAL', year: 2019 });
    const national2020 = await createCompetition(demo.t, { name: '全国急救技能大赛测试', level: 'NATIONAL', year: 2020 });
    const draft = ((await createAward(demo.t, { competitionId: national2019, personIds: [demo.ids.person.Z0110], grade: 'FIRST', date: '2019-05-01' })).payload!.award as { id: string }).id;
    expect((await rows()).filter((r) => r.recipient === a && r.year === 2019)).to.deep.equal([], 'a draft counts in no year');

    const deleted = await demo.t.gql(`mutation($i: RecordIdInput!) { awardDelete(input: $i) { deletedId userErrors { code } } }`, { i: { id: draft } }, demo.t.tokenFor('ADMIN'));
    expect(payloadOf(deleted, 'awardDelete').deletedId).to.equal(draft);
    const earlier = await verified({ competitionId: national2019, personIds: [demo.ids.person.Z0110], grade: 'FIRST', date: '2019-05-01' });
    await verified({ competitionId: national2020, personIds: [demo.ids.person.Z0110], grade: 'SECOND', date: '2020-05-01' });
    expect((await maintained()).filter((r) => r.recipient === a)).to.deep.include({ recipient: a, year: 2019, levels: ['NATIONAL'] });
    expect(await streaks()).to.deep.include({ person: { staffNumber: 'Z0110' }, level: 'NATIONAL', years: 2 });

    // A verifier corrects the 2019 award to another person: the first loses the year and the streak.
    const corrected = await demo.t.gql(`mutation($i: AwardUpdateInput!) { awardUpdate(input: $i) { userErrors { code message } } }`, { i: { id: earlier, personIds: [demo.ids.person.Z0111] } }, demo.t.tokenFor('ADMIN'));
    expect(payloadOf(corrected, 'awardUpdate').userErrors).to.deep.equal([]);
    const afterCorrection = await maintained();
    expect(afterCorrection.filter((r) => r.recipient === a && r.year === 2019)).to.deep.equal([]);
    expect(afterCorrection).to.deep.include({ recipient: b, year: 2019, levels: ['NATIONAL'] });
    expect((await streaks()).map((s) => s.person!.staffNumber)).not.to.include('Z0110');

    // The 2019 competition was in fact provincial and held in 2020.
    const moved = await demo.t.gql(`mutation($i: CompetitionUpdateInput!) { competitionUpdate(input: $i) { userErrors { code } } }`, { i: { id: national2019, level: 'PROVINCIAL', year: 2020, name: '省护理技能大赛测试' } }, demo.t.tokenFor('ADMIN'));
    expect(payloadOf(moved, 'competitionUpdate').userErrors).to.deep.equal([]);
    const afterMove = await maintained();
    expect(afterMove.filter((r) => r.recipient === b && r.year === 2019)).to.deep.equal([]);
    expect(afterMove.find((r) => r.recipient === b && r.year === 2020)?.levels).to.include('PROVINCIAL');
  });

  it('gives the streaks that grouping the records gives', async () => {
    const ranker = new Ranker();
    const fromSummary = await streaksFor(demo.t.models, 2020, {}, ranker);
    // A scope makes streaksFor group the records; the institution's own is the whole registry's part.
    const fromRecords = await streaksFor(demo.t.models, 2020, { institution: demo.t.institutions.default._id }, ranker);
    expect(fromSummary.length).to.be.greaterThan(0);
    expect(fromSummary).to.deep.equal(fromRecords);
  });
});
