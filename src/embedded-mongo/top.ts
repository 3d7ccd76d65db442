// `top` (Compass's performance view, mongotop): per collection, how many operations of each
// kind ran and how long they took, in microseconds, since the server started. Reads count
// under readLock and writes under writeLock, as MongoDB reports them. serverStatus's opcounters
// count every command by kind, and its network the bytes and requests of every connection.
import type { Doc } from './bson.js';
import { unauthorized } from './errors.js';

type Kind = 'queries' | 'getmore' | 'insert' | 'update' | 'remove' | 'commands';
const KIND_OF: Record<string, Kind> = { find: 'queries', getmore: 'getmore', insert: 'insert', update: 'update', delete: 'remove' };
const WRITES = new Set<Kind>(['insert', 'update', 'remove']);
const KINDS: Kind[] = ['queries', 'getmore', 'insert', 'update', 'remove', 'commands'];

type Counter = { time: number; count: number };
const counter = (): Counter => ({ time: 0, count: 0 });

/** serverStatus's opcounters: every command, whether or not it names a collection. */
const OPCOUNTER_OF: Record<string, string> = { insert: 'insert', find: 'query', update: 'update', delete: 'delete', getmore: 'getmore' };

export class UsageCounters {
  private readonly byNamespace = new Map<string, Record<Kind | 'total' | 'readLock' | 'writeLock', Counter>>();
  readonly opcounters: Record<string, number> = { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 };
  /** serverStatus's network: bytes received and sent, and requests, over every connection. */
  readonly network = { bytesIn: 0, bytesOut: 0, numRequests: 0 };

  /** Any command received, for the opcounters: a write counts each of its documents or statements, as mongod's do. */
  count(command: string, cmd: Doc) {
    const batch = command === 'insert' ? cmd.documents : command === 'update' ? cmd.updates : command === 'delete' ? cmd.deletes : undefined;
    this.opcounters[OPCOUNTER_OF[command] ?? 'command'] += Array.isArray(batch) ? batch.length : 1;
  }

  /** One command on `ns`, which took `micros`. */
  record(ns: string, command: string, micros: number) {
    let usage = this.byNamespace.get(ns);
    if (!usage) this.byNamespace.set(ns, (usage = { total: counter(), readLock: counter(), writeLock: counter(), ...(Object.fromEntries(KINDS.map((k) => [k, counter()])) as Record<Kind, Counter>) }));
    const kind = KIND_OF[command] ?? 'commands';
    for (const c of [usage.total, usage[kind], WRITES.has(kind) ? usage.writeLock : usage.readLock]) {
      c.time += micros;
      c.count++;
    }
  }

  report(db: string): Doc {
    if (db !== 'admin') throw unauthorized('top may only be run against the admin database.');
    return { totals: { note: 'all times in microseconds', ...Object.fromEntries(this.byNamespace) }, ok: 1 };
  }
}
