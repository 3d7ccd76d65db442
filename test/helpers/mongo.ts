// The database the tests talk to: a real MongoDB when MONGODB_URI is set, otherwise the
// embedded server started once for the whole run. Each caller gets a database of its own.
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { MongoClient, MongoServerError, type Db } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/embedded-mongo/index.js';

let embedded: Promise<EmbeddedMongo> | undefined;

export const usingRealMongo = Boolean(process.env.MONGODB_URI);

/** The server URI (no database part). */
export async function serverUri(): Promise<string> {
  if (process.env.MONGODB_URI) return process.env.MONGODB_URI;
  embedded ??= startEmbeddedMongo();
  return (await embedded).uri;
}

export function uniqueDbName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export interface TestDb {
  client: MongoClient;
  db: Db;
  uri: string;
  close(): Promise<void>;
}

export async function openTestDb(prefix: string): Promise<TestDb> {
  const uri = await serverUri();
  const client = await new MongoClient(uri).connect();
  const db = client.db(uniqueDbName(prefix));
  return {
    client,
    db,
    uri,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
    },
  };
}

/** The server error a promise rejects with (failing the test when it resolves or fails otherwise). */
export async function serverFailure(p: Promise<unknown>): Promise<MongoServerError> {
  const e = await p.then(
    () => undefined,
    (err) => err,
  );
  expect(e, 'expected a server error').to.be.instanceOf(MongoServerError);
  return e as MongoServerError;
}
