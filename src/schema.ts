import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL, one file per area, in a stable order. */
export function loadTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}
