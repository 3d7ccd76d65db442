// The TTL monitor, as mongod's: every `ttlMonitorSleepSecs` (default 60) it deletes the
// documents of each collection whose TTL index field (a date, or an array holding dates,
// by its earliest) plus `expireAfterSeconds` lies in the past. Deletions are journaled like
// any delete. Non-date values and missing fields never expire.
import type { Doc } from './bson.js';
import type { Store } from './store.js';
import { pathValues } from './values.js';

export const DEFAULT_TTL_SLEEP_SECONDS = 60;

/** Whether an index spec asks for expiry (single field, numeric expireAfterSeconds). */
export function ttlField(spec: { key: Record<string, unknown>; expireAfterSeconds?: unknown }): string | undefined {
  const fields = Object.keys(spec.key);
  return fields.length === 1 && typeof spec.expireAfterSeconds === 'number' && Number.isFinite(spec.expireAfterSeconds) ? fields[0] : undefined;
}

function expiresAt(doc: Doc, field: string, afterSeconds: number): number | undefined {
  const dates = pathValues(doc, field)
    .flatMap((v) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is Date => v instanceof Date);
  if (!dates.length) return undefined;
  return Math.min(...dates.map((d) => d.getTime())) + afterSeconds * 1000;
}

/** One pass: removes every expired document; returns how many. */
export async function expireDocuments(store: Store, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const [db, collections] of store.dbs) {
    for (const [name, coll] of collections) {
      for (const index of coll.indexes.values()) {
        const field = ttlField(index.spec);
        if (!field) continue;
        const after = index.spec.expireAfterSeconds as number;
        for (const [id, doc] of [...coll.docs]) {
          const at = expiresAt(doc, field, after);
          if (at !== undefined && at <= now && coll.docs.has(id)) {
            store.write({ o: 'del', d: db, c: name, id: doc._id });
            removed++;
          }
        }
      }
    }
  }
  if (removed) await store.commit();
  return removed;
}

/** Runs passes on a schedule that `setParameter: {ttlMonitorSleepSecs}` can change. */
export class TtlMonitor {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly onError: (e: unknown) => void,
    public sleepSeconds = DEFAULT_TTL_SLEEP_SECONDS,
  ) {}

  start() {
    this.schedule();
  }

  setSleepSeconds(seconds: number) {
    this.sleepSeconds = seconds;
    this.schedule();
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), this.sleepSeconds * 1000);
    this.timer.unref();
  }

  private async pass() {
    if (this.running) return;
    this.running = true;
    try {
      await expireDocuments(this.store);
    } catch (e) {
      this.onError(e);
    } finally {
      this.running = false;
      if (this.timer) this.schedule();
    }
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
