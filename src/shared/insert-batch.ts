// Inserts gathered while a chunk of an import's rows is applied, sent at the chunk's end with
// one insertMany per collection instead of one round trip per record and per audit entry.
// Each record is cast and validated when it is added (the row sees its own refusal at once);
// a collision the batch meets at the end (a dedupe key, a unique index) fails the whole
// chunk, whose transaction is then undone and its rows applied one by one.
import { AsyncLocalStorage } from 'node:async_hooks';

/** What the batch needs of a mongoose model. */
export interface BatchModel {
  insertMany(docs: Record<string, unknown>[], options: { lean: true }): Promise<unknown>;
}

class InsertBatch {
  private readonly pending = new Map<BatchModel, Record<string, unknown>[]>();

  add(model: BatchModel, doc: Record<string, unknown>) {
    const docs = this.pending.get(model);
    if (docs) docs.push(doc);
    else this.pending.set(model, [doc]);
  }

  /** In the order the collections were first written to (records before their audit entries). */
  async flush() {
    for (const [model, docs] of this.pending) await model.insertMany(docs, { lean: true });
    this.pending.clear();
  }
}

const current = new AsyncLocalStorage<InsertBatch>();

/** Runs `run` with its record inserts gathered, then sends them (inside the caller's transaction). */
export async function insertsTogether<T>(run: () => Promise<T>): Promise<T> {
  const batch = new InsertBatch();
  const out = await current.run(batch, run);
  await batch.flush();
  return out;
}

export const batchInProgress = () => current.getStore() !== undefined;

/** Keeps `doc` for the batch in progress; false when there is none (insert it now). */
export function deferInsert(model: BatchModel, doc: Record<string, unknown>): boolean {
  const batch = current.getStore();
  batch?.add(model, doc);
  return Boolean(batch);
}
