// awardCheck: what awardCreate would answer, before anything is saved.
import { expect } from 'chai';
import { createAward, createCompetition, useDemoServer } from '../helpers/records.js';

const CHECK = `query($i: AwardCreateInput!) { awardCheck(input: $i) { warnings { code message recordId } userErrors { field code message } } }`;

describe('award check before saving', () => {
  const demo = useDemoServer();

  it('gives the field errors, the duplicate and the similar-record warning awardCreate would, and writes nothing', async () => {
    const admin = demo.t.tokenFor('ADMIN');
    const competitionId = await createCompetition(demo.t, { name: '护理操作技能竞赛', year: 2020 });
    const input = { competitionId, personIds: [demo.ids.person.Z0101], grade: 'FIRST', date: '2020-06-01' };
    const before = await demo.t.models.Achievement.countDocuments();

    const clean = await demo.t.gql<{ awardCheck: { warnings: unknown[]; userErrors: unknown[] } }>(CHECK, { i: input }, admin);
    expect(clean.data!.awardCheck).to.deep.equal({ warnings: [], userErrors: [] });

    const bad = await demo.t.gql<{ awardCheck: { userErrors: { field: string[] }[] } }>(CHECK, { i: { ...input, grade: null, date: '2019-06-01' } }, admin);
    expect(bad.data!.awardCheck.userErrors.map((e) => e.field.join('.'))).to.deep.equal(['input.grade']);
    expect(await demo.t.models.Achievement.countDocuments()).to.equal(before);

    expect((await createAward(demo.t, input)).payload!.userErrors).to.deep.equal([]);
    const twin = await demo.t.gql<{ awardCheck: { userErrors: { code: string }[] } }>(CHECK, { i: input }, admin);
    expect(twin.data!.awardCheck.userErrors.map((e) => e.code)).to.deep.equal(['DUPLICATE']);

    const similarId = await createCompetition(demo.t, { name: '护理操作技能竞赛（决赛）', year: 2020 });
    const similar = await demo.t.gql<{ awardCheck: { warnings: { code: string; message: string }[] } }>(CHECK, { i: { ...input, competitionId: similarId } }, admin);
    expect(similar.data!.awardCheck.warnings.map((w) => w.code)).to.deep.equal(['SIMILAR_RECORD']);
    expect(await demo.t.models.Achievement.countDocuments()).to.equal(before + 1);

    // The same person in the same competition with another result: confirm before saving.
    const other = await demo.t.gql<{ awardCheck: { warnings: { code: string; message: string }[]; userErrors: unknown[] } }>(CHECK, { i: { ...input, grade: 'SECOND' } }, admin);
    expect(other.data!.awardCheck.userErrors).to.deep.equal([]);
    expect(other.data!.awardCheck.warnings.map((w) => w.message)).to.deep.equal(['the same recipients already have 一等奖 in 护理操作技能竞赛; is this entered twice?']);
  });

  it('deletes a competition no award refers to, and refuses one in use or a caller who may not correct it', async () => {
    const DELETE = `mutation($i: RecordIdInput!) { competitionDelete(input: $i) { deletedId userErrors { field code message } } }`;
    const unused = await createCompetition(demo.t, { name: '录错的竞赛', year: 2020 });
    const used = await createCompetition(demo.t, { name: '已有获奖的竞赛', year: 2020 });
    expect((await createAward(demo.t, { competitionId: used, personIds: [demo.ids.person.Z0101], grade: 'THIRD', date: '2020-03-01' })).payload!.userErrors).to.deep.equal([]);
    const clerk = await demo.t.gql(DELETE, { i: { id: unused } }, demo.t.tokenFor('CLERK', { wholeInstitution: true }));
    expect(clerk.errors![0].extensions!.code).to.equal('FORBIDDEN');
    const inUse = await demo.t.gql<{ competitionDelete: { userErrors: { code: string; message: string }[] } }>(DELETE, { i: { id: used } }, demo.t.tokenFor('ADMIN'), { 'accept-language': 'zh-CN' });
    expect(inUse.data!.competitionDelete.userErrors[0]).to.include({ code: 'INVALID_STATE', message: '“已有获奖的竞赛”下有 1 条获奖记录，不能删除；请先删除或改挂这些记录' });
    const ok = await demo.t.gql<{ competitionDelete: { deletedId: string } }>(DELETE, { i: { id: unused } }, demo.t.tokenFor('ADMIN'));
    expect(ok.data!.competitionDelete.deletedId).to.equal(unused);
    expect(await demo.t.models.Competition.countDocuments({ name: '录错的竞赛' })).to.equal(0);
    expect(await demo.t.models.AuditEntry.countDocuments({ operation: 'competitionDelete' })).to.equal(1);
  });
});
