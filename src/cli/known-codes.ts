// What a registry holds for `npm run token` to check what it is asked for: its institutions
// and each one's department and union-group codes. Reads MONGODB_URI through the driver, or
// the embedded store's files read-only (the running server keeps its directory locked;
// reading takes no lock).
import path from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import type { Config } from '../config.js';
import { databaseNameIn, DEFAULT_DB_NAME } from '../database.js';
import { Store } from '../embedded-mongo/store.js';

export interface KnownInstitution {
  id: string;
  code: string;
  name: string;
  demo: boolean;
  departments: Set<string>;
  unionGroups: Set<string>;
}

export async function knownInstitutions(config: Config): Promise<KnownInstitution[]> {
  let docs: Record<'institutions' | 'departments' | 'union_groups', Document[]>;
  if (config.MONGODB_URI) {
    const client = await new MongoClient(config.MONGODB_URI, { serverSelectionTimeoutMS: 5000 }).connect();
    try {
      const db = client.db(databaseNameIn(config.MONGODB_URI) ?? DEFAULT_DB_NAME);
      const read = (c: string) => db.collection(c).find({}, { projection: { code: 1, name: 1, demo: 1, institution: 1, createdAt: 1 } }).toArray();
      docs = { institutions: await read('institutions'), departments: await read('departments'), union_groups: await read('union_groups') };
    } finally {
      await client.close();
    }
  } else {
    const store = new Store(path.join(config.dataDir, 'db'), () => {});
    store.open({ readOnly: true });
    const read = (c: string) => [...(store.collection(DEFAULT_DB_NAME, c)?.docs.values() ?? [])] as Document[];
    docs = { institutions: read('institutions'), departments: read('departments'), union_groups: read('union_groups') };
  }
  const codesOf = (list: Document[], id: string) => new Set(list.filter((d) => String(d.institution) === id).map((d) => String(d.code)));
  return docs.institutions
    .sort((a, b) => Number(a.createdAt ?? 0) - Number(b.createdAt ?? 0))
    .map((i) => ({ id: String(i._id), code: String(i.code), name: String(i.name), demo: Boolean(i.demo), departments: codesOf(docs.departments, String(i._id)), unionGroups: codesOf(docs.union_groups, String(i._id)) }));
}
