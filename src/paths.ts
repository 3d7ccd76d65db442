// Files the server reads at run time (the SDL, the built console) live at the project root,
// found from this module whether it runs as TypeScript (src/) or compiled (dist/src/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the project root (the folder holding package.json) was not found above the server\'s code');
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot();
