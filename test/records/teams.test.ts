// Team results (代表队): a department's or the institution's team as the recipient, named
// as the union writes it in the record, the report, the export and the import.
import { expect } from 'chai';
import { createAward, createCompetition, step, useDemoServer } from '../helpers/records.js';

describe('team results', () => {
  const demo = useDemoServer();

  it('records a department team and the institution team apart from the units themselves, and drafts them as 代表队', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const verifier = demo.t.tokenFor('VERIFIER');
    const competitionId = await createCompetition(demo.t, { name: '全国中药调剂技能团体赛', level: 'NATIONAL', year: 2020 });
    const team = await createAward(demo.t, { competitionId, collective: { kind: 'DEPARTMENT', departmentId: demo.ids.department.ZYJK, team: true }, placement: 3, date: '2020-08-08' });
    expect(team.payload!.userErrors).to.deep.equal([]);
    expect((team.payload!.award as { collective: { name: string } }).collective.name).to.equal('中药剂科代表队');
    // The department itself with the same result is another fact, not a duplicate.
    const unit = await createAward(demo.t, { competitionId, collective: { kind: 'DEPARTMENT', departmentId: demo.ids.department.ZYJK }, placement: 3, date: '2020-08-08' });
    expect(unit.payload!.userErrors).to.deep.equal([]);
    const ours = await createAward(demo.t, { competitionId, collective: { kind: 'INSTITUTION', team: true }, grade: 'FIRST', date: '2020-08-08' });
    expect(ours.payload!.userErrors).to.deep.equal([]);
    for (const p of [team, ours]) {
      const id = (p.payload!.award as { id: string }).id;
      await step(demo.t, 'awardSubmit', id, admin);
      await step(demo.t, 'awardVerify', id, verifier);
    }
    const res = await demo.t.gql<{ achievementReport: { narrative: { text: string }[]; markdown: string } }>('{ achievementReport(year: 2020) { narrative { text } markdown } }', {}, demo.t.tokenFor('VIEWER'));
    const narrative = res.data!.achievementReport.narrative.map((p) => p.text).join('');
    expect(narrative).to.include('中药剂科代表队');
    expect(narrative).to.include('我院代表队');
    expect(res.data!.achievementReport.markdown).to.include('| 中药剂科代表队 |');

    // Out in the export and back in through the import: the same facts, nothing new.
    const csv = await (await fetch(`${demo.t.url}/exports/achievements.csv?year=2020`, { headers: { authorization: `Bearer ${admin}` } })).text();
    expect(csv).to.include(',中药剂科代表队,').and.include(',全院代表队,');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'awards.csv');
    const job = (await (await fetch(`${demo.t.url}/imports/awards?mode=dryRun`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form })).json()) as { rows: { outcome: string }[] };
    expect(job.rows.filter((r) => r.outcome !== 'UNCHANGED')).to.deep.equal([]);
  });
});
