// The command-line tools: seeding (idempotent), development tokens and rebuilding the streaks' summary.
import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createModels, ensureIndexes } from '../../src/models.js';
import { TokenService } from '../../src/shared/auth/tokens.js';
import mongoose from 'mongoose';
import { seedDemoData } from '../../seeds/load.js';
import { withinInstitution } from '../../src/shared/tenancy.js';
import { serverUri, uniqueDbName } from '../helpers/mongo.js';
import { tempDir } from '../helpers/tmp.js';

const execFileAsync = promisify(execFile);
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });

describe('tools', () => {
  it('seeds idempotently: the second run inserts and changes nothing', async () => {
    const conn = await mongoose.createConnection(await serverUri(), { dbName: uniqueDbName('seed') }).asPromise();
    try {
      const models = createModels(conn);
      await ensureIndexes(models);
      const first = await seedDemoData(models);
      expect(first.inserted).to.be.greaterThan(30);
      expect(first.institution).to.include({ code: 'DEMO', demo: true });
      const people = () => withinInstitution(first.institution._id, () => models.Person.find().sort({ staffNumber: 1 }).lean());
      const snapshot = JSON.stringify(await people());
      const second = await seedDemoData(models);
      expect({ ...second, institution: String(second.institution._id) }).to.deep.equal({ inserted: 0, updated: 0, institution: String(first.institution._id) });
      expect(JSON.stringify(await people())).to.equal(snapshot);
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });

  it('npm run rebuild-summary rebuilds the streaks’ summary that writes around the services left stale', async function () {
    this.timeout(60_000);
    const dbName = uniqueDbName('summary');
    const url = new URL(await serverUri());
    url.pathname = `/${dbName}`;
    const conn = await mongoose.createConnection(url.toString()).asPromise();
    try {
      const models = createModels(conn);
      await ensureIndexes(models);
      const config = loadConfig({ LOG_LEVEL: 'silent' });
      const { institution } = await seedDemoData(models, { config, logger: createLogger(config) });
      const rows = () => conn.collection('award_years').find({}, { projection: { _id: 0 } }).sort({ recipient: 1, year: 1 }).toArray();
      const kept = await rows();
      expect(kept.length).to.be.greaterThan(5);
      // A script that wrote around the services: the summary lost rows and gained a wrong one.
      await conn.collection('award_years').deleteMany({ recipient: kept[0].recipient });
      await conn.collection('award_years').insertOne({ recipient: 'P:000000000000000000000000', year: 2020, levels: ['NATIONAL'], institution: institution._id });
      // Not spawnSync: the database this test shares is served from this process.
      const env = { ...process.env, MONGODB_URI: url.toString(), LOG_LEVEL: 'silent' };
      const tool = (args: string[]) => execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/rebuild-summary.ts', ...args], { env, timeout: 60_000 });
      const rebuilt = await tool(['--institution', 'DEMO']);
      expect(rebuilt.stdout).to.equal(`DEMO: ${kept.length} summary rows rebuilt\n`);
      expect(await rows()).to.deep.equal(kept);
      const unknown = (await tool(['--institution', 'NOPE']).catch((e) => e)) as { code: number; stderr: string };
      expect(unknown.code).to.equal(2);
      expect(unknown.stderr).to.include('no institution has the code NOPE');
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });

  it('npm run seed loads the demo data into the embedded default, twice without change', function () {
    this.timeout(60_000);
    const tmp = tempDir('seed-cli');
    try {
      const env = { DATA_DIR: tmp.dir, MONGODB_URI: '', LOG_LEVEL: 'silent' };
      const first = run('seeds/cli.ts', [], env);
      expect(first.status, first.stderr).to.equal(0);
      expect(first.stdout).to.match(/demo data loaded into the demo institution DEMO \(绍兴市中医院\) of embedded .*: \d+ inserted, 0 updated/);
      const second = run('seeds/cli.ts', [], env);
      expect(second.stdout).to.match(/: 0 inserted, 0 updated/);
    } finally {
      tmp.remove();
    }
  });

  it('npm run token prints a token the server accepts, with the role and scope asked for, and refuses unknown codes', function () {
    this.timeout(60_000);
    const tmp = tempDir('token-cli');
    try {
      const env = { DATA_DIR: tmp.dir, JWT_SECRET: '', MONGODB_URI: '', LOG_LEVEL: 'silent' };
      const unseeded = run('src/cli/token.ts', ['--role', 'CLERK', '--department', 'ZYJK'], env);
      expect(unseeded.status).to.equal(2);
      expect(unseeded.stderr).to.include('the registry holds no institution yet');
      expect(run('seeds/cli.ts', [], env).status).to.equal(0);
      const unknown = run('src/cli/token.ts', ['--role', 'CLERK', '--institution', 'DEMO', '--department', 'ZYJK', '--department', 'NOPE', '--union-group', 'G404'], env);
      expect(unknown.status).to.equal(2);
      expect(unknown.stderr).to.include('no such department NOPE, union group G404 in DEMO');
      expect(unknown.stdout).to.equal('');
      const elsewhere = run('src/cli/token.ts', ['--role', 'VIEWER', '--institution', 'NOWHERE'], env);
      expect(elsewhere.stderr).to.include('no institution has the code NOWHERE (known: DEMO)');
      const res = run('src/cli/token.ts', ['--role', 'CLERK', '--institution', 'DEMO', '--department', 'ZYJK', '--user', 'zhang'], env);
      expect(res.status, res.stderr).to.equal(0);
      const token = res.stdout.trim();
      const tokens = TokenService.fromConfig(loadConfig({ DATA_DIR: tmp.dir }));
      const viewer = tokens.verify(token)!;
      expect(viewer).to.deep.include({ userId: 'dev:zhang', username: 'zhang', role: 'CLERK', scope: { departments: ['ZYJK'], unionGroups: [] } });
      expect(viewer.institution).to.match(/^[0-9a-f]{24}$/);
      const federation = run('src/cli/token.ts', ['--role', 'FEDERATION_VIEWER'], env);
      expect(tokens.verify(federation.stdout.trim())).to.deep.include({ role: 'FEDERATION_VIEWER', institution: null });
      expect(run('src/cli/token.ts', ['--role', 'FEDERATION_ADMIN', '--institution', 'DEMO'], env).stderr).to.include('acts across institutions');
      const bad = run('src/cli/token.ts', ['--role', 'KING'], env);
      expect(bad.status).to.equal(2);
      expect(bad.stderr).to.include('--role must be one of');
    } finally {
      tmp.remove();
    }
  });
});
