// achievementStats against the records themselves: every count recomputed from the database.
import { expect } from 'chai';
import type { Types } from 'mongoose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { demoIds, type Ids } from '../helpers/records.js';
import { LEVELS } from '../../src/modules/vocabulary/vocabulary.js';

interface Group {
  year: number | null;
  level: string | null;
  levelLabel: string | null;
  department: { code: string } | null;
  records: number;
  people: number;
  women: number;
  collectives: number;
}
interface Stats {
  achievementStats: { total: Omit<Group, 'year' | 'level' | 'levelLabel' | 'department'>; groups: Group[] };
}

const STATS = `query($f: AchievementFilter, $g: [StatDimension!]!) {
  achievementStats(filter: $f, groupBy: $g) {
    total { records people women collectives }
    groups { year level levelLabel department { code } records people women collectives }
  }
}`;

type Doc = { people: Types.ObjectId[]; collective?: unknown; level: string; year: number; departments: Types.ObjectId[] };

describe('achievement statistics', () => {
  let t: TestServer;
  let ids: Ids;
  let viewer: string;
  before(async () => {
    t = await startTestServer();
    ids = await demoIds(t);
    viewer = t.tokenFor('VIEWER');
  });
  after(() => t.stop());

  async function expected(docs: Doc[]) {
    const people = [...new Set(docs.flatMap((d) => d.people.map(String)))];
    const women = await t.models.Person.countDocuments({ _id: { $in: people }, gender: 'FEMALE' });
    return { records: docs.length, people: people.length, women, collectives: docs.filter((d) => d.collective).length };
  }

  it('counts records, people, women and collectives per level, matching the records', async () => {
    const res = await t.gql<Stats>(STATS, { f: { year: 2020, status: 'VERIFIED' }, g: ['LEVEL'] }, viewer);
    expect(res.errors).to.equal(undefined);
    const stats = res.data!.achievementStats;
    const docs = (await t.models.Achievement.find({ year: 2020, status: 'VERIFIED' }).lean()) as unknown as Doc[];
    expect(docs.length).to.be.greaterThan(5);
    expect(stats.total).to.deep.equal(await expected(docs));
    const levels = [...new Set(docs.map((d) => d.level))];
    expect(stats.groups.map((g) => g.level)).to.have.members(levels);
    for (const g of stats.groups) {
      const { year, department, levelLabel, level, ...counts } = g;
      expect(year).to.equal(null);
      expect(department).to.equal(null);
      expect(levelLabel).to.be.a('string').and.match(/\p{Script=Han}/u);
      expect(counts, level!).to.deep.equal(await expected(docs.filter((d) => d.level === level)));
    }
    // Highest level first.
    const ranks = stats.groups.map((g) => LEVELS.findIndex((l) => l.value === g.level));
    expect([...ranks].sort((a, b) => a - b)).to.deep.equal(ranks);
  });

  it('groups by year (oldest first) and by department (a record in each of its departments)', async () => {
    const byYear = (await t.gql<Stats>(STATS, { f: { status: 'VERIFIED' }, g: ['YEAR'] }, viewer)).data!.achievementStats;
    const years = byYear.groups.map((g) => g.year!);
    expect(years.length).to.be.greaterThan(1);
    expect([...years].sort()).to.deep.equal(years);
    for (const g of byYear.groups) expect(g.records).to.equal(await t.models.Achievement.countDocuments({ year: g.year, status: 'VERIFIED' }));

    const byDept = (await t.gql<Stats>(STATS, { f: { year: 2020, status: 'VERIFIED' }, g: ['DEPARTMENT'] }, viewer)).data!.achievementStats;
    const docs = (await t.models.Achievement.find({ year: 2020, status: 'VERIFIED' }).lean()) as unknown as Doc[];
    for (const g of byDept.groups) {
      if (!g.department) {
        expect(g.records).to.equal(docs.filter((d) => !d.departments.length).length);
        continue;
      }
      const deptId = (await t.models.Department.findOne({ code: g.department.code }).lean())!._id;
      expect({ records: g.records, people: g.people, women: g.women, collectives: g.collectives }, g.department.code).to.deep.equal(await expected(docs.filter((d) => d.departments.some((x) => x.equals(deptId)))));
    }
    // Largest first within one year.
    const counts = byDept.groups.map((g) => g.records);
    expect([...counts].sort((a, b) => b - a)).to.deep.equal(counts);
  });

  it('applies the list filters (search, department, union group) and answers an empty filter with zeros', async () => {
    const search = (await t.gql<Stats>(STATS, { f: { search: '技能' }, g: [] }, viewer)).data!.achievementStats;
    const titled = await t.models.Achievement.countDocuments({ title: /技能/ });
    expect(search.total.records).to.be.at.least(titled).and.greaterThan(0);
    const someone = (await t.models.Achievement.findOne({ 'people.0': { $exists: true } }).lean()) as unknown as Doc;
    const person = (await t.models.Person.findById(someone.people[0]).lean())!;
    const byName = (await t.gql<Stats>(STATS, { f: { search: person.name }, g: [] }, viewer)).data!.achievementStats;
    expect(byName.total.records).to.be.at.least(await t.models.Achievement.countDocuments({ people: person._id }));
    const dept = (await t.gql<Stats>(STATS, { f: { departmentId: ids.department.ZYJK }, g: [] }, viewer)).data!.achievementStats;
    const deptId = (await t.models.Department.findOne({ code: 'ZYJK' }).lean())!._id;
    expect(dept.total.records).to.equal(await t.models.Achievement.countDocuments({ departments: deptId }));
    const none = (await t.gql<Stats>(STATS, { f: { year: 1990 }, g: ['LEVEL'] }, viewer)).data!.achievementStats;
    expect(none).to.deep.equal({ total: { records: 0, people: 0, women: 0, collectives: 0 }, groups: [] });
  });

  it('needs a signed-in caller and refuses a bad filter id or an over-long search', async () => {
    expect((await t.gql(STATS, { g: [] })).status).to.equal(401);
    const bad = await t.gql(STATS, { f: { unionGroupId: 'bogus' }, g: [] }, viewer);
    expect(bad.errors![0].extensions!.code).to.equal('BAD_USER_INPUT');
    const long = await t.gql(STATS, { f: { search: '长'.repeat(51) }, g: [] }, viewer);
    expect(long.errors![0].extensions!.field).to.equal('filter.search');
  });
});
