// awardCheck: what awardCreate would answer, before anything is saved.
import { expect } from 'chai';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, type Ids } from '../helpers/records.js';

const CHECK = `query($i: AwardCreateInput!) { awardCheck(input: $i) { warnings { code message recordId } userErrors { field code message } } }`;

describe('award check before saving', () => {
  let t: TestServer;
  let ids: Ids;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
  });
  after(() => t.stop());

  it('gives the field errors, the duplicate and the similar-record warning awardCreate would, and writes nothing', async () => {
    const admin = t.tokenFor('ADMIN');
    const competitionId = await createCompetition(t, { name: '护理操作技能竞赛', year: 2020 });
    const input = { competitionId, personIds: [ids.person.Z0101], grade: 'FIRST', date: '2020-06-01' };
    const before = await t.models.Achievement.countDocuments();

    const clean = await t.gql<{ awardCheck: { warnings: unknown[]; userErrors: unknown[] } }>(CHECK, { i: input }, admin);
    expect(clean.data!.awardCheck).to.deep.equal({ warnings: [], userErrors: [] });

    const bad = await t.gql<{ awardCheck: { userErrors: { field: string[] }[] } }>(CHECK, { i: { ...input, grade: null, date: '2019-06-01' } }, admin);
    expect(bad.data!.awardCheck.userErrors.map((e) => e.field.join('.'))).to.deep.equal(['input.grade']);
    expect(await t.models.Achievement.countDocuments()).to.equal(before);

    expect((await createAward(t, input)).payload!.userErrors).to.deep.equal([]);
    const twin = await t.gql<{ awardCheck: { userErrors: { code: string }[] } }>(CHECK, { i: input }, admin);
    expect(twin.data!.awardCheck.userErrors.map((e) => e.code)).to.deep.equal(['DUPLICATE']);

    const similarId = await createCompetition(t, { name: '护理操作技能竞赛（决赛）', year: 2020 });
    const similar = await t.gql<{ awardCheck: { warnings: { code: string; message: string }[] } }>(CHECK, { i: { ...input, competitionId: similarId } }, admin);
    expect(similar.data!.awardCheck.warnings.map((w) => w.code)).to.deep.equal(['SIMILAR_RECORD']);
    expect(await t.models.Achievement.countDocuments()).to.equal(before + 1);
  });
});
