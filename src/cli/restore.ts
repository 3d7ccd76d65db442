// `npm run restore -- FILE`: restores a backup (npm run backup) into an empty database,
// indexes first, then the documents in batches. Refuses a database that holds anything.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { BSON, type Document } from 'mongodb';
import { ConfigError, loadConfig } from '../config.js';
import { BACKUP_FORMAT, openRegistryDatabase, UsageError } from './registry-database.js';

const { EJSON } = BSON;

const BATCH = 1000;

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: npm run restore -- <backup file>');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const config = loadConfig();
  const registry = await openRegistryDatabase(config);
  try {
    const existing = (await registry.db.listCollections({}, { nameOnly: true }).toArray()).filter((c) => !c.name.startsWith('system.'));
    for (const c of existing) {
      if ((await registry.db.collection(c.name).estimatedDocumentCount()) > 0) throw new Error(`${registry.description} is not empty (${c.name} holds documents): restore into an empty database`);
    }
    // Read only now: lines a readline emits before its iterator is taken are lost.
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header: { format: string; collections: { name: string; indexes: Document[] }[] } | undefined;
    let trailer: { counts: Record<string, number> } | undefined;
    let batch: { c: string; d: Document }[] = [];
    let restored = 0;
    const flush = async () => {
      const byCollection = new Map<string, Document[]>();
      for (const { c, d } of batch) byCollection.set(c, [...(byCollection.get(c) ?? []), d]);
      for (const [c, docs] of byCollection) await registry.db.collection(c).insertMany(docs, { ordered: true });
      restored += batch.length;
      batch = [];
    };
    for await (const line of lines) {
      if (!line) continue;
      const value = EJSON.parse(line, { relaxed: false }) as Document;
      if (!header) {
        if (value.format !== BACKUP_FORMAT) throw new Error(`${file} is not a registry backup`);
        header = value as unknown as typeof header;
        for (const c of header!.collections) {
          await registry.db.createCollection(c.name).catch(() => undefined);
          if (c.indexes.length) await registry.db.collection(c.name).createIndexes(c.indexes as never);
        }
        continue;
      }
      if (value.end) {
        trailer = value as unknown as typeof trailer;
        continue;
      }
      batch.push(value as { c: string; d: Document });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    const expected = trailer ? Object.values(trailer.counts).reduce((n, c) => n + c, 0) : undefined;
    if (expected !== restored) throw new Error(`the backup is truncated (${restored} documents read${expected === undefined ? ', no end marker' : ` of ${expected}`}); what was read is in ${registry.description}`);
    process.stdout.write(`restored ${restored} documents in ${header.collections.length} collections into ${registry.description}\n`);
  } finally {
    await registry.close();
  }
}

main().catch((e) => {
  // A file that is not gzip (or is cut inside its compressed stream) says so in zlib's words.
  const message = (e as { code?: string }).code?.startsWith('Z_') ? 'the file is not a registry backup (not a complete gzip stream)' : (e as Error).message;
  process.stderr.write(`restore failed: ${message}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
