// Builds the web console into console/dist (vite). With --if-stale, only when a source file
// is newer than the last build, so `npm start` stays one command and costs nothing after.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { newestFileTime } from './newest-file.js';

const root = fileURLToPath(new URL('../../console', import.meta.url));
const built = path.join(root, 'dist', 'index.html');

const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < newestFileTime(root);
if (process.argv.includes('--if-stale') && !stale) process.exit(0);
await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
console.log(`console built into ${path.relative(process.cwd(), path.dirname(built))}`);
