// The department and union-group codes a registry holds, for `npm run token` to check the
// scope it is asked for. Reads MONGODB_URI through the driver, or the embedded store's files
// read-only (the running server keeps its directory locked; reading takes no lock).
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { Config } from '../config.js';
import { databaseNameIn, DEFAULT_DB_NAME } from '../database.js';
import { Store } from '../embedded-mongo/store.js';

export interface KnownCodes {
  departments: Set<string>;
  unionGroups: Set<string>;
}

const COLLECTIONS = { departments: 'departments', unionGroups: 'union_groups' } as const;

export async function knownCodes(config: Config): Promise<KnownCodes> {
  if (config.MONGODB_URI) {
    const client = await new MongoClient(config.MONGODB_URI, { serverSelectionTimeoutMS: 5000 }).connect();
    try {
      const db = client.db(databaseNameIn(config.MONGODB_URI) ?? DEFAULT_DB_NAME);
      const codes = async (c: string) => new Set((await db.collection(c).find({}, { projection: { code: 1 } }).toArray()).map((d) => String(d.code)));
      return { departments: await codes(COLLECTIONS.departments), unionGroups: await codes(COLLECTIONS.unionGroups) };
    } finally {
      await client.close();
    }
  }
  const store = new Store(path.join(config.dataDir, 'db'), () => {});
  store.open({ readOnly: true });
  const codes = (c: string) => new Set([...(store.collection(DEFAULT_DB_NAME, c)?.docs.values() ?? [])].map((d) => String((d as { code?: unknown }).code)));
  return { departments: codes(COLLECTIONS.departments), unionGroups: codes(COLLECTIONS.unionGroups) };
}
