// Child of the embedded bench: a fresh process holding a store with N award-like documents
// (and an index on staffNo, as the bench's collections have); prints its settled memory
// before and after loading them as one JSON line, then waits to be stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../src/embedded-mongo/index.js';
import { fill } from './award-like.js';
import { settledMemory } from './lib.js';

const size = Number(process.argv[2]);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-memory-'));
const server = await startEmbeddedMongo({ dataDir });
const client = await new MongoClient(server.uri, { maxPoolSize: 1 }).connect();
const coll = client.db('bench').collection('awards');
await coll.createIndex({ staffNo: 1 });
const before = settledMemory();
await fill(coll, size);
const after = settledMemory();
console.log(JSON.stringify({ before, after }));

process.once('SIGTERM', () => {
  void client
    .close()
    .then(() => server.stop())
    .finally(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
});
