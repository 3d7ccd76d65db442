// `npm run backup -- --out FILE`: a consistent online backup of every collection of the
// registry's database, read in one snapshot (a read-only transaction) through the driver,
// so it works on the embedded store and on a MongoDB replica set alike while the server
// keeps serving. The file is gzipped lines of canonical Extended JSON, streamed as read: a
// header naming each collection with its indexes, one line per document, and a trailer with
// the counts (a file without it is truncated).
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
    const names = (await registry.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
    const collections = await Promise.all(
      names.map(async (name) => ({ name, indexes: (await registry.db.collection(name).listIndexes().toArray()).filter((i) => i.name !== '_id_').map(({ v: _v, ...spec }) => spec) })),
    );
    const counts: Record<string, number> = {};
    // One snapshot for every collection: the file is one moment of the registry.
    session.startTransaction({ readConcern: { level: 'snapshot' } });
    async function* lines() {
      yield EJSON.stringify({ format: BACKUP_FORMAT, version: 1, createdAt: new Date(), database: registry.db.databaseName, collections }, { relaxed: false }) + '\n';
      for (const { name } of collections) {
        counts[name] = 0;
        for await (const doc of registry.db.collection(name).find({}, { session })) {
          yield EJSON.stringify({ c: name, d: doc }, { relaxed: false }) + '\n';
          counts[name]++;
        }
      }
      yield EJSON.stringify({ end: true, counts }) + '\n';
    }
    await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(values.out, { mode: 0o600 }));
    await session.commitTransaction();
    const total = Object.values(counts).reduce((n, c) => n + c, 0);
    process.stdout.write(`backed up ${total} documents in ${names.length} collections from ${registry.description} to ${values.out}\n`);
  } finally {
    await session.endSession();
    await registry.close();
  }
}

main().catch((e) => {
  process.stderr.write(`backup failed: ${(e as Error).message}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
