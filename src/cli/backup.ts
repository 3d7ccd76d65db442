// `npm run backup -- --out FILE`: a consistent online backup of every collection of the
// registry's database, read in one snapshot (a read-only transaction) through the driver,
// so it works on the embedded store and on a MongoDB replica set alike while the server
// keeps serving. The file is gzipped lines of canonical Extended JSON: a header naming each
// collection with its indexes and count, then one line per document.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { BSON } from 'mongodb';
import { ConfigError, loadConfig } from '../config.js';
import { BACKUP_FORMAT, openRegistryDatabase, UsageError } from './registry-database.js';

const { EJSON } = BSON;

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) throw new UsageError('usage: npm run backup -- --out <file.ndjson.gz>');
  const config = loadConfig();
  const registry = await openRegistryDatabase(config);
  const session = registry.client.startSession();
  try {
    const lines: string[] = [];
    session.startTransaction({ readConcern: { level: 'snapshot' } });
    const collections = (await registry.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
    const header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date(), database: registry.db.databaseName, collections: [] as { name: string; count: number; indexes: unknown[] }[] };
    for (const name of collections) {
      const coll = registry.db.collection(name);
      const indexes = (await coll.listIndexes().toArray()).filter((i) => i.name !== '_id_').map(({ v: _v, ...spec }) => spec);
      let count = 0;
      for await (const doc of coll.find({}, { session })) {
        lines.push(EJSON.stringify({ c: name, d: doc }, { relaxed: false }));
        count++;
      }
      header.collections.push({ name, count, indexes });
    }
    await session.commitTransaction();
    await pipeline(Readable.from([EJSON.stringify(header, { relaxed: false }) + '\n', ...lines.map((l) => l + '\n')]), createGzip(), fs.createWriteStream(values.out, { mode: 0o600 }));
    const total = header.collections.reduce((n, c) => n + c.count, 0);
    process.stdout.write(`backed up ${total} documents in ${collections.length} collections from ${registry.description} to ${values.out}\n`);
  } finally {
    await session.endSession();
    await registry.close();
  }
}

main().catch((e) => {
  process.stderr.write(`backup failed: ${(e as Error).message}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
