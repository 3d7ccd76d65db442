// When a build is stale: the newest modification time of any file under a folder (skipping
// builds and dependencies), for the console's --if-stale build and the benchmarks' dist/.
import fs from 'node:fs';
import path from 'node:path';

export function newestFileTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFileTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
