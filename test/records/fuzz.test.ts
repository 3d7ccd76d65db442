// Malformed input, at least 200 per mutation family: never a 500, never a crash, never a
// write. Every value drawn is invalid for its field, so every request must be refused.
import { expect } from 'chai';
import { seededRandom } from '../../seeds/random.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { createAward, createCompetition, demoIds, type Ids } from '../helpers/records.js';

const longText = (n: number) => '长'.repeat(n);
const BAD = {
  requiredText: ['', '   ', null, 42, {}, [], ['a'], true, 'a\u0001b', longText(5000)],
  optionalText: [42, {}, [], true, 'a\u0002', longText(5000)],
  id: ['', 'bogus', 'UGVyc29uOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA', 'RGVwYXJ0bWVudDpub3RoZXg', 12, null, {}, ['x']],
  optionalId: ['', 'bogus', 'UGVyc29uOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA', 12, {}, []],
  ids: ['x', [null], [12], ['bogus'], [{}], Array.from({ length: 60 }, () => 'x')],
  enumValue: ['NOPE', '', 1, null, {}, 'first', ['FIRST']],
  optionalEnum: ['NOPE', '', 1, {}, 'first'],
  date: ['2020-13-01', '2020-02-30', '20200101', '', 2020, null, {}, '2999-01-01', '1800-01-01', '2020-1-1'],
  year: [-1, 0, 1200, 3000, 2020.5, '2020', null, 1e12],
  positive: [0, -1, -0.001, 1e13, 'ten', null, {}],
  optionalInt: [0, -3, 1.5, 'one', 1e12, {}],
  collective: [{ kind: 'DEPARTMENT' }, { kind: 'INSTITUTION', departmentId: 'x' }, { kind: 'NOPE' }, { departmentId: 'x' }, 'DEPARTMENT', 12, { kind: 'DEPARTMENT', departmentId: 'bogus' }],
};

type Spec = Record<string, unknown[]>;

interface Family {
  name: string;
  mutation: string;
  inputType: string;
  base: () => Record<string, unknown>;
  /** Invalid values per field. */
  spec: Spec;
  collections: string[];
}

describe('malformed input (property test)', function () {
  this.timeout(300_000);
  let t: TestServer;
  let ids: Ids;
  let competitionId: string;
  let awardId: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    competitionId = await createCompetition(t, { name: '模糊测试竞赛', year: 2020 });
    awardId = ((await createAward(t, { competitionId, personIds: [ids.person.Z0101], grade: 'FIRST', date: '2020-05-05' })).payload!.award as { id: string }).id;
  });
  after(() => t.stop());

  const families = (): Family[] => [
    {
      name: 'person',
      mutation: 'personCreate',
      inputType: 'PersonCreateInput',
      base: () => ({ staffNumber: `F${Math.random().toString(36).slice(2, 8)}`, name: '模糊', departmentId: ids.department.ZYJK }),
      spec: { staffNumber: [...BAD.requiredText, 'has space', 'Z0101'], name: BAD.requiredText, gender: BAD.optionalEnum, departmentId: BAD.optionalId, unionGroupId: BAD.optionalId, position: BAD.optionalText, unionMemberSince: BAD.date.filter((d) => d !== null), employmentStatus: BAD.optionalEnum },
      collections: ['people'],
    },
    {
      name: 'department',
      mutation: 'departmentCreate',
      inputType: 'DepartmentCreateInput',
      base: () => ({ code: `F${Math.random().toString(36).slice(2, 8)}`, name: `模糊科${Math.random()}` }),
      spec: { code: [...BAD.requiredText, 'bad code', 'ZYJK'], name: [...BAD.requiredText, '中药剂科'] },
      collections: ['departments'],
    },
    {
      name: 'competition',
      mutation: 'competitionCreate',
      inputType: 'CompetitionCreateInput',
      base: () => ({ name: `模糊竞赛${Math.random()}`, level: 'MUNICIPAL', category: 'SKILLS', year: 2020 }),
      spec: { name: BAD.requiredText, brand: BAD.optionalText, organiser: BAD.optionalText, level: BAD.enumValue, sector: BAD.optionalText, category: BAD.enumValue, year: BAD.year, edition: BAD.optionalText },
      collections: ['competitions'],
    },
    {
      name: 'award',
      mutation: 'awardCreate',
      inputType: 'AwardCreateInput',
      base: () => ({ competitionId, personIds: [ids.person.Z0102], grade: 'SECOND', date: '2020-06-06' }),
      spec: { competitionId: BAD.id, personIds: BAD.ids, collective: BAD.collective, grade: BAD.optionalEnum, placement: BAD.optionalInt, resultText: BAD.optionalText, date: BAD.date, certificateNumber: BAD.optionalText, evidenceNote: BAD.optionalText, note: BAD.optionalText },
      collections: ['achievements'],
    },
    {
      name: 'honour',
      mutation: 'honourConfer',
      inputType: 'HonourConferInput',
      base: () => ({ title: `模糊称号${Math.random()}`, honourKind: 'TECHNICAL_EXPERT', conferredBy: '某机关', level: 'MUNICIPAL', personId: ids.person.Z0103, year: 2020 }),
      spec: { title: BAD.requiredText, honourKind: BAD.enumValue, conferredBy: BAD.optionalText, sector: BAD.optionalText, score: [-1, 101, 'ten', {}, 1e9], asWritten: BAD.optionalText, level: BAD.enumValue, personId: BAD.id, collective: BAD.collective, year: BAD.year, date: [...BAD.date.filter((d) => d !== null), '2019-05-05'], session: BAD.optionalText, awardId: [...BAD.optionalId, awardId], note: BAD.optionalText },
      collections: ['achievements'],
    },
    {
      name: 'designation',
      mutation: 'modelWorkerDesignate',
      inputType: 'ModelWorkerDesignateInput',
      base: () => ({ personId: ids.person.Z0104, designation: 'MODEL_WORKER', level: 'MUNICIPAL', conferredBy: '某机关', year: 2020 }),
      spec: { personId: BAD.id, designation: BAD.enumValue, title: BAD.optionalText, level: BAD.enumValue, conferredBy: BAD.requiredText, session: BAD.optionalText, year: BAD.year, date: BAD.date.filter((d) => d !== null), studio: [{ name: '' }, { name: 'x', memberIds: ['bogus'] }, { memberIds: [] }, 'studio', 12] },
      collections: ['achievements'],
    },
    {
      name: 'campaign',
      mutation: 'civilisedPostCampaignStart',
      inputType: 'CivilisedPostCampaignStartInput',
      base: () => ({ departmentId: ids.department.FSK, title: 'WOMEN_CIVILISED_POST', level: 'MUNICIPAL', year: 2020, date: '2020-01-01' }),
      spec: { departmentId: BAD.id, title: BAD.enumValue, level: BAD.enumValue, year: BAD.year, date: BAD.date, note: BAD.optionalText },
      collections: ['civilised_post_campaigns', 'achievements'],
    },
    {
      name: 'donation',
      mutation: 'donationRecord',
      inputType: 'DonationRecordInput',
      base: () => ({ kind: 'MONEY', donorPersonId: ids.person.Z0105, quantity: 100, date: '2020-03-03' }),
      spec: { kind: BAD.enumValue, donorPersonId: BAD.id, donorCollective: BAD.collective, donorCount: BAD.optionalInt, quantity: BAD.positive, approximate: ['yes', 1, {}], campaign: BAD.optionalText, beneficiaryPersonId: BAD.optionalId, date: BAD.date, note: BAD.optionalText },
      collections: ['donations'],
    },
    {
      name: 'workflow step',
      mutation: 'awardReturn',
      inputType: 'RecordReturnInput',
      base: () => ({ id: awardId, reason: '退回' }),
      spec: { id: [...BAD.id, 'SG9ub3VyOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMA'], reason: BAD.requiredText },
      collections: ['achievements'],
    },
  ];

  const counts = async (collections: string[]) =>
    Promise.all(collections.map((c) => t.server.database.connection.db!.collection(c).countDocuments()));

  for (const family of ['person', 'department', 'competition', 'award', 'honour', 'designation', 'campaign', 'donation', 'workflow step']) {
    it(`refuses 200 malformed ${family} inputs cleanly`, async () => {
      const f = families().find((x) => x.name === family)!;
      const random = seededRandom(family.length * 7919); // deterministic: a failure replays
      const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
      const before = await counts(f.collections);
      const statuses = new Map<number, number>();
      const admin = t.tokenFor('ADMIN');
      for (let i = 0; i < 200; i++) {
        const input = f.base();
        const fields = Object.keys(f.spec);
        const corrupt = 1 + Math.floor(random() * Math.min(3, fields.length));
        for (let k = 0; k < corrupt; k++) {
          const field = pick(fields);
          input[field] = pick(f.spec[field]);
        }
        const res = await t.gql(`mutation($i: ${f.inputType}!) { r: ${f.mutation}(input: $i) { userErrors { field code message } } }`, { i: input }, admin);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${JSON.stringify(input)} → ${res.body}`).to.be.oneOf([200, 400]);
        const refusedByPayload = (res.data as { r?: { userErrors: unknown[] } } | undefined)?.r?.userErrors?.length;
        const refusedByError = res.errors?.every((e) => ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'].includes(String(e.extensions?.code)));
        expect(Boolean(refusedByPayload || refusedByError), `not refused: ${JSON.stringify(input)} → ${res.body}`).to.equal(true);
      }
      expect(await counts(f.collections)).to.deep.equal(before);
      const health = await fetch(`${t.url}/healthz`);
      expect(health.status).to.equal(200);
      expect([...statuses.keys()].every((s) => s < 500)).to.equal(true);
    });
  }
});
