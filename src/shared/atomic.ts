// Every mutation's writes (the record, its audit entry, what follows from it) commit
// together: in a transaction on a replica set (the embedded store is one), and one after
// another on a standalone mongod, which has none (the server warns at start).
import type { Connection } from 'mongoose';
import type { Models } from '../models.js';

const supported = new WeakMap<Connection, boolean>();

/** Asks the server whether it can run transactions (a replica set member or mongos). */
export async function detectTransactions(connection: Connection): Promise<boolean> {
  const hello = (await connection.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  const can = Boolean(hello.setName) || hello.msg === 'isdbgrid';
  supported.set(connection, can);
  return can;
}

/**
 * Runs `run` in one transaction: every operation inside takes the session by itself
 * (mongoose's transactionAsyncLocalStorage), and a transient failure (a write conflict)
 * runs it again. Without transaction support it just runs.
 */
export function atomically<T>(models: Pick<Models, 'Institution'>, run: () => Promise<T>): Promise<T> {
  const connection = models.Institution.db;
  return supported.get(connection) ? (connection.transaction(run) as Promise<T>) : run();
}
