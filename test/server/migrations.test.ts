// A data directory written by release 0.1 (before institutions; test/fixtures/release-0.1)
// opened by today's server: everything lands in one institution, nothing is lost, and the
// migration is recorded so that it runs once.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { migrate } from '../../src/migrations/runner.js';
import { createModels, ownedModels } from '../../src/models.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { acrossInstitutions, withinInstitution } from '../../src/shared/tenancy.js';
import { rebuildAwardYears } from '../../src/modules/achievements/award-years.js';
import { TEST_SECRET } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

/** What release 0.1 wrote into the fixture (see its README). */
const RELEASE_COUNTS = { departments: 12, union_groups: 5, people: 23, competitions: 18, achievements: 20, donations: 5, civilised_post_campaigns: 1, settings: 1, users: 1, audit_log: 95, import_jobs: 0 };

describe('migrations: a data directory of release 0.1', function () {
  this.timeout(120_000);
  const tmp = tempDir('migrate');
  let server: RunningServer;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: '',
    DATA_DIR: tmp.dir,
    JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    INSTITUTION_NAME: '绍兴市中医院',
    INSTITUTION_CODE: 'SXZYY',
  });

  before(async () => {
    fs.cpSync(path.join('test', 'fixtures', 'release-0.1', 'db'), path.join(tmp.dir, 'db'), { recursive: true });
    server = await startServer(config, { logger: createLogger(config) });
  });
  after(async () => {
    await server?.stop();
    tmp.remove();
  });

  const gql = async <T>(query: string, variables: object = {}, token?: string) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data: T; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).to.equal(undefined);
    return body.data;
  };

  it('puts every document into one institution, with nothing lost and no demo added', async () => {
    const models = createModels(server.database.connection);
    const institutions = await models.Institution.find().lean();
    expect(institutions.map((i) => [i.code, i.name, i.demo])).to.deep.equal([['SXZYY', '绍兴市中医院', false]]);
    const db = server.database.connection.db!;
    for (const [collection, count] of Object.entries(RELEASE_COUNTS)) {
      expect(await db.collection(collection).countDocuments(), collection).to.equal(count);
      expect(await db.collection(collection).countDocuments({ institution: institutions[0]._id }), collection).to.equal(count);
    }
    // The old one-institution unique indexes are gone; the new ones lead with the institution.
    for (const model of ownedModels(models)) {
      const names = (await db.collection(model.collection.collectionName).listIndexes().toArray()).map((i) => i.name);
      expect(names.filter((n) => n !== '_id_' && n !== 'username_1' && !n.startsWith('institution_')), model.modelName).to.deep.equal([]);
    }
    const [applied, awardYears] = (await models.Migration.find().sort({ _id: 1 }).lean()) as { _id: string; summary: { documents: number; settings: number } }[];
    expect([applied._id, awardYears._id]).to.deep.equal(['0001-institutions', '0002-award-years']);
    // Settings documents are rewritten (their key was their _id); every other document gained its institution.
    expect(applied.summary).to.deep.include({ settings: 1, documents: Object.values(RELEASE_COUNTS).reduce((a, b) => a + b, 0) - 1 });
    expect(await migrate({ models, config, logger: createLogger(config) })).to.deep.equal([]);
  });

  it('builds the streaks’ summary from the release’s verified awards', async () => {
    const models = createModels(server.database.connection);
    const [institution] = await models.Institution.find().lean();
    const rows = () => withinInstitution(institution._id, () => models.AwardYear.find({}, { _id: 0, recipient: 1, year: 1, levels: 1 }).sort({ recipient: 1, year: 1 }).lean());
    const migrated = await rows();
    expect(migrated.length).to.be.greaterThan(0);
    await withinInstitution(institution._id, () => rebuildAwardYears(models));
    expect(await rows()).to.deep.equal(migrated);
  });

  it('keeps the accounts, the records users entered, and the stored ranking policy', async () => {
    const { login } = await gql<{ login: { token: string; viewer: { institution: { code: string } } } }>(
      `mutation { login(input: { username: "admin", password: "fixture-admin-pw-2020" }) { token viewer { institution { code } } } }`,
    );
    expect(login.viewer.institution.code).to.equal('SXZYY');
    const data = await gql<{ people: { edges: { node: { name: string; achievements: { edges: { node: { title: string; resultLabel: string } }[] } } }[] }; rankingPolicy: { gradeTiers: string[][] }; achievementReport: { title: string; ranked: unknown[] } }>(
      `{ people(filter: { search: "U0001" }) { edges { node { name achievements { edges { node { title resultLabel } } } } } }
         rankingPolicy { gradeTiers }
         achievementReport(year: 2020) { title ranked { rank } } }`,
      {},
      login.token,
    );
    expect(data.people.edges.map((e) => e.node.name)).to.deep.equal(['用户录入']);
    expect(data.people.edges[0].node.achievements.edges.map((e) => e.node)).to.deep.equal([{ title: '用户录入的技能竞赛', resultLabel: '一等奖' }]);
    expect(data.rankingPolicy.gradeTiers.slice(0, 3)).to.deep.equal([['SPECIAL'], ['FIRST', 'CHAMPION'], ['GOLD']]);
    const verified2020 = await acrossInstitutions(() => createModels(server.database.connection).Achievement.countDocuments({ year: 2020, status: 'VERIFIED' }));
    expect(data.achievementReport.title).to.equal('绍兴市中医院');
    expect(data.achievementReport.ranked).to.have.length(verified2020);
    expect(verified2020).to.be.greaterThan(10);
  });
});
