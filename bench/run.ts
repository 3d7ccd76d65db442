// `npm run bench [-- <name>...]`: prints figures and ratios measured in one run.
import { benchAchievements } from './achievements.js';
import { benchEmbedded } from './embedded.js';
import { benchFederation } from './federation.js';
import { benchGraphql } from './graphql.js';
import { benchImport } from './import.js';
import { benchReport } from './report.js';

const all: Record<string, () => Promise<void>> = { embedded: benchEmbedded, graphql: benchGraphql, achievements: benchAchievements, report: async () => (await benchReport(), await benchFederation()), federation: benchFederation, import: benchImport };
const wanted = process.argv.slice(2).filter((a) => a in all);
console.log(`# Honours registry benchmarks (${new Date().toISOString()}, node ${process.version})`);
for (const name of wanted.length ? wanted : Object.keys(all)) await all[name]();
process.exit(0);
