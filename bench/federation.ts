// The federation at scale: 100 institutions × 1,000 awards a year × 5 years (500,000
// records). The federation report's time and peak RSS against its floor (reading the
// year's verified records once through the driver), and one institution's report in that
// registry against the same institution's report in a registry holding only it.
import mongoose from 'mongoose';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { createRequestContext, loginThrottleFor, slotsFor, systemContext } from '../src/context.js';
import { TokenService } from '../src/shared/auth/tokens.js';
import { Metrics } from '../src/shared/metrics.js';
import { EMBEDDED_HEARTBEAT_TIMEOUT_MS } from '../src/database.js';
import { createLogger } from '../src/logger.js';
import { createModels, ensureIndexes, type Models } from '../src/models.js';
import { federationDocx, federationMarkdown } from '../src/modules/federation/export.js';
import type { InstitutionRecord } from '../src/modules/institutions/model.js';
import { reportDocx } from '../src/modules/reports/docx.js';
import { reportMarkdown } from '../src/modules/reports/markdown.js';
import { acrossInstitutions, withinInstitution } from '../src/shared/tenancy.js';
import { seedSynthetic } from '../seeds/synthetic.js';
import { median, report, rssSampler, sized } from './lib.js';
import { databaseProcess } from './report.js';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const logger = createLogger(config);

async function registry(institutions: number, awardsEach: number) {
  const server = await databaseProcess();
  const conn = await mongoose.createConnection(server.uri, { dbName: 'bench', autoIndex: false, connectTimeoutMS: EMBEDDED_HEARTBEAT_TIMEOUT_MS }).asPromise();
  const models = createModels(conn);
  await ensureIndexes(models);
  const created: InstitutionRecord[] = [];
  for (let i = 0; i < institutions; i++) {
    const institution = (await models.Institution.create({ code: `H${String(i).padStart(3, '0')}`, name: `基准医院${i}`, selfReference: '我院' })).toObject() as InstitutionRecord;
    // The same seed for every institution: institution 0 is the same data in both registries.
    await seedSynthetic(models, { awards: awardsEach, institution, seed: 20201231 + i });
    created.push(institution);
  }
  return {
    models,
    institutions: created,
    async close() {
      await conn.close();
      await server.stop();
    },
  };
}

/** Median of three runs of `run`, in ms, with the peak RSS of this process meanwhile. */
async function timed(run: () => Promise<unknown>) {
  const times: number[] = [];
  const rss = rssSampler();
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), peak: rss.stop() };
}

const institutionReport = (models: Models, institution: InstitutionRecord) => async () => {
  const ctx = systemContext({ config, logger, models }, institution, 'bench');
  const r = await withinInstitution(institution._id, () => ctx.services.reports.build(2020, null));
  reportMarkdown(r);
  await reportDocx(r);
};

export async function benchFederation() {
  const { values } = parseArgs({ options: { institutions: { type: 'string', default: String(sized(100)) }, 'awards-per-year': { type: 'string', default: '1000' } }, strict: false });
  const count = Number(values.institutions);
  const perInstitution = Number(values['awards-per-year']) * 5;
  const t0 = performance.now();
  const big = await registry(count, perInstitution);
  const seeded = performance.now() - t0;
  try {
    const federation = createRequestContext(
      { config, logger, models: big.models, tokens: TokenService.ephemeral(), loginThrottle: loginThrottleFor(config, big.models), slots: slotsFor(config), metrics: new Metrics() },
      { requestId: 'bench', ip: 'local', viewer: { userId: 'dev:bench', username: 'bench', role: 'FEDERATION_VIEWER', institution: null, scope: { departments: [], unionGroups: [] } }, institution: null },
    ).services.federation;
    let ranked = 0;
    const fed = await timed(() =>
      acrossInstitutions(async () => {
        const r = await federation.report(2020, null);
        ranked = r.ranked.length;
        federationMarkdown(r);
        await federationDocx(r);
      }),
    );
    let verified = 0;
    const floor = await timed(async () => {
      verified = (await big.models.Achievement.collection.find({ year: 2020, status: 'VERIFIED' }).toArray()).length;
    });
    const inBig = await timed(institutionReport(big.models, big.institutions[0]));
    await big.close();
    const alone = await registry(1, perInstitution);
    const inAlone = await timed(institutionReport(alone.models, alone.institutions[0]));
    await alone.close();
    const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
    report(`Federation: ${count} institutions × ${perInstitution.toLocaleString('en-US')} awards (seeded in ${(seeded / 1000).toFixed(0)} s; median of 3)`, [
      ['federation report 2020 (JSON, narrative, Markdown, .docx)', `${fed.ms.toFixed(0)} ms`, `${ranked.toLocaleString('en-US')} ranked; peak RSS ${mib(fed.peak)}`],
      [`floor: find().toArray() of 2020's ${verified.toLocaleString('en-US')} verified`, `${floor.ms.toFixed(0)} ms`, `ratio ${(fed.ms / floor.ms).toFixed(1)}× (aim ≤ 3×)`],
      ["one institution's report, in the federation", `${inBig.ms.toFixed(0)} ms`, ''],
      ['the same report, registry holding only it', `${inAlone.ms.toFixed(0)} ms`, `ratio ${(inBig.ms / inAlone.ms).toFixed(2)}× (aim ≤ 1.5×)`],
    ]);
  } catch (e) {
    await big.close().catch(() => undefined);
    throw e;
  }
}
