// `npm run bench [-- [--quick] <name>...]`: prints figures and ratios measured in one run
// (--quick: a tenth of the data and shorter loads).
import { benchAchievements } from './achievements.js';
import { benchEmbedded } from './embedded.js';
import { benchFederation } from './federation.js';
import { benchGraphql } from './graphql.js';
import { benchImport } from './import.js';
import { QUICK } from './lib.js';
import { benchReport } from './report.js';
import { benchStartup } from './startup.js';

const all: Record<string, () => Promise<void>> = { embedded: benchEmbedded, graphql: benchGraphql, achievements: benchAchievements, report: benchReport, federation: benchFederation, import: benchImport, startup: benchStartup };
const wanted = process.argv.slice(2).filter((a) => a in all);
console.log(`# Honours registry benchmarks (${new Date().toISOString()}, node ${process.version}${QUICK ? ', quick: a tenth of the sizes' : ''})`);
const started = performance.now();
for (const name of wanted.length ? wanted : Object.keys(all)) {
  const t0 = performance.now();
  await all[name]();
  console.log(`\n(${name}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}
console.log(`\nAll benches: ${((performance.now() - started) / 1000).toFixed(0)} s${QUICK ? ' (aim for --quick: under 2 minutes)' : ''}`);
process.exit(0);
