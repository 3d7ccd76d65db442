// What one import knows of the stored records' dedupe keys, so that its rows need not each
// ask the database whether their fact is already recorded. A scope (a key's first two parts:
// one competition's awards, one title's honours) is covered once every stored key in it has
// been read; the records written since are added as they are written. The unique index on
// the key stays the guard: a record someone else wrote meanwhile still collides on insert.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AchievementRecord } from './model.js';

/** What a DUPLICATE refusal names of the record already there. */
export type StoredKey = Pick<AchievementRecord, '_id' | 'kind' | 'title' | 'year' | 'status' | 'dedupeKey'>;

/** The projection that reads a StoredKey. */
export const STORED_KEY_FIELDS = { _id: 1, kind: 1, title: 1, year: 1, status: 1, dedupeKey: 1 } as const;

/** `AWARD|<competition>|…` → `AWARD|<competition>`. */
export function scopeOf(dedupeKey: string): string {
  return dedupeKey.slice(0, dedupeKey.indexOf('|', dedupeKey.indexOf('|') + 1));
}

export class DedupeMemo {
  private readonly covered = new Set<string>();
  private readonly records = new Map<string, StoredKey>();

  /** The record with that key; null when its scope is covered and holds none; undefined: ask the database. */
  known(dedupeKey: string): StoredKey | null | undefined {
    const record = this.records.get(dedupeKey);
    if (record) return record;
    return this.covered.has(scopeOf(dedupeKey)) ? null : undefined;
  }

  /** Every stored record of `scope` is among `records` (none, for a competition just added). */
  cover(scope: string, records: readonly StoredKey[] = []) {
    this.covered.add(scope);
    for (const r of records) this.records.set(r.dedupeKey, r);
  }

  /** A record written by a committed transaction. */
  added(record: StoredKey) {
    if (this.covered.has(scopeOf(record.dedupeKey))) this.records.set(record.dedupeKey, record);
  }
}

/** The memo, and the records written by the transaction attempt in progress (kept once it commits). */
interface Scope {
  memo: DedupeMemo;
  attempt?: Map<string, StoredKey>;
}

const current = new AsyncLocalStorage<Scope>();

/** Runs `run` with `memo` answering the duplicate checks it can. */
export const withDedupeMemo = <T>(memo: DedupeMemo, run: () => Promise<T>): Promise<T> => current.run({ memo }, run);

/** The stored record with that key as the memo knows it (undefined: ask the database). */
export function knownDuplicate(dedupeKey: string): StoredKey | null | undefined {
  const scope = current.getStore();
  return scope?.attempt?.get(dedupeKey) ?? scope?.memo.known(dedupeKey);
}

/** A record just written (or gathered for the chunk's insert). */
export function recordWritten(record: StoredKey) {
  const scope = current.getStore();
  if (scope?.attempt) scope.attempt.set(record.dedupeKey, record);
  else scope?.memo.added(record);
}

/**
 * Runs `run` through `transaction`, which may run it more than once (a write conflict is
 * retried): the records an attempt writes reach the memo only when the transaction has
 * returned, so a retry never takes its own undone records for duplicates.
 */
export async function keptOnCommit<T>(transaction: (attempt: () => Promise<T>) => Promise<T>, run: () => Promise<T>): Promise<T> {
  const scope = current.getStore();
  if (!scope) return transaction(run);
  let written = new Map<string, StoredKey>();
  const out = await transaction(() => {
    written = new Map();
    return current.run({ memo: scope.memo, attempt: written }, run);
  });
  for (const record of written.values()) scope.memo.added(record);
  return out;
}
