// The registry's database for a command-line tool: MONGODB_URI; or the embedded server the
// running app owns (its URI is in DATA_DIR/db/mongod.uri, a socket only this user reaches);
// or, when no server runs, the embedded store opened by the tool itself.
import fs from 'node:fs';
import path from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import type { Config } from '../config.js';
import { databaseNameIn, DEFAULT_DB_NAME } from '../database.js';
import { ADDRESS_FILE, startEmbeddedMongo } from '../embedded-mongo/index.js';

/** The first line of a backup file names its format. */
export const BACKUP_FORMAT = 'honours-registry-backup';

/** A command line the tool cannot run (exit code 2). */
export class UsageError extends Error {}

export interface RegistryDatabase {
  db: Db;
  client: MongoClient;
  /** Where it is, for messages. */
  description: string;
  close(): Promise<void>;
}

export async function openRegistryDatabase(config: Config): Promise<RegistryDatabase> {
  const connect = async (uri: string, description: string, stop?: () => Promise<void>): Promise<RegistryDatabase> => {
    const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 5000 }).connect();
    return {
      client,
      db: client.db(databaseNameIn(config.MONGODB_URI ?? '') ?? DEFAULT_DB_NAME),
      description,
      async close() {
        await client.close();
        await stop?.();
      },
    };
  };
  if (config.MONGODB_URI) return connect(config.MONGODB_URI, 'MONGODB_URI');
  const dataDir = path.join(config.dataDir, 'db');
  const addressFile = path.join(dataDir, ADDRESS_FILE);
  if (fs.existsSync(addressFile)) {
    try {
      return await connect(fs.readFileSync(addressFile, 'utf8').trim(), `the running server's embedded store in ${dataDir}`);
    } catch {
      // A stale file of a server that was killed: open the store ourselves below.
    }
  }
  const embedded = await startEmbeddedMongo({ dataDir, unixSocket: true });
  return connect(embedded.uri, `the embedded store in ${dataDir}`, () => embedded.stop());
}
