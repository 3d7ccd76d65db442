import mongoose, { type Connection } from 'mongoose';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded-mongo/index.js';
import { detectTransactions } from './shared/atomic.js';

// Operations inside connection.transaction() take its session without being handed it.
mongoose.set('transactionAsyncLocalStorage', true);

export const DEFAULT_DB_NAME = 'honours';
export const EMBEDDED_HEARTBEAT_TIMEOUT_MS = 300_000;

export interface Database {
  connection: Connection;
  /** Where the data lives, for the startup log (no credentials). */
  description: string;
  embedded?: EmbeddedMongo;
  /** Whether writes run in transactions (a replica set, Atlas, mongos, or the embedded store). */
  transactions: boolean;
  close(): Promise<void>;
}

/** Connects to MONGODB_URI, or starts the embedded server in DATA_DIR and connects to it. */
export async function openDatabase(config: Config, logger: Logger, options: { dbName?: string; monitorCommands?: boolean } = {}): Promise<Database> {
  let embedded: EmbeddedMongo | undefined;
  let uri = config.MONGODB_URI;
  let description: string;
  if (uri) {
    description = `MongoDB at ${redactUri(uri)}`;
  } else {
    const dataDir = path.join(config.dataDir, 'db');
    // In-process, the store listens on a Unix socket in its directory and opens no TCP port:
    // no other user's process can reach the data (`npm run db` serves TCP for tools).
    embedded = await startEmbeddedMongo({ dataDir, unixSocket: true, log: (level, msg) => logger[level]({ component: 'embedded-mongo' }, msg) });
    uri = embedded.uri;
    description = `embedded MongoDB-compatible server at ${embedded.uri} (data in ${dataDir})`;
  }
  try {
    const connection = await mongoose
      .createConnection(uri, {
        dbName: options.dbName ?? databaseNameIn(uri) ?? DEFAULT_DB_NAME,
        serverSelectionTimeoutMS: 10_000,
        autoIndex: false,
        monitorCommands: options.monitorCommands ?? false,
        // The embedded store runs one command at a time: a long aggregation delays its
        // heartbeat answer, which must not make the driver drop the connections in use.
        ...(embedded ? { connectTimeoutMS: EMBEDDED_HEARTBEAT_TIMEOUT_MS } : {}),
      })
      .asPromise();
    const transactions = await detectTransactions(connection);
    if (!transactions) {
      logger.warn('MongoDB is a standalone server: it has no transactions, so a mutation\'s writes (record, audit entry, derived honour) are not atomic. Run it as a replica set (see README, "Running on a real MongoDB").');
    }
    return {
      connection,
      description,
      embedded,
      transactions,
      async close() {
        await connection.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}

/** The database named in a connection string's path, if any. */
export function databaseNameIn(uri: string): string | undefined {
  return /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri)?.[1];
}

export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//[credentials]@');
}
