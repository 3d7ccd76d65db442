// Inserts gathered while a chunk of an import's rows is applied, sent at the chunk's end with
// one insertMany per collection instead of one round trip per record and per audit entry.
// Each record is cast and validated when it is added (the row sees its own refusal at once);
// a collision the batch meets at the end (a dedupe key, a unique index) fails the whole
// chunk, whose transaction is then undone and its rows applied one by one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Schema } from 'mongoose';
import { plainDocument } from './plain-document.js';

/** What the batch needs of a mongoose model. */
export interface BatchModel {
  insertMany(docs: Record<string, unknown>[], options: { lean: true }): Promise<unknown>;
}

interface CreatableModel extends BatchModel {
  new (doc: Record<string, unknown>): {
    validate(): Promise<void>;
    initializeTimestamps(): void;
    toObject(options: object): Record<string, unknown>;
  };
  create(doc: Record<string, unknown>): Promise<{ toObject(): Record<string, unknown> }>;
  schema: Schema;
  /** The tenancy plugin's stamp of a new document's institution (src/shared/tenancy.ts). */
  stampNew?(doc: Record<string, unknown>): void;
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

const batchInProgress = () => current.getStore() !== undefined;

/** Keeps `doc` for the batch in progress; false when there is none (insert it now). */
export function deferInsert(model: BatchModel, doc: Record<string, unknown>): boolean {
  const batch = current.getStore();
  batch?.add(model, doc);
  return Boolean(batch);
}

/**
 * Inserts one document (mongoose casts and validates it) and returns it as a plain object.
 * Inside a batch it is checked and stamped now, and sent with the batch at its end; a document
 * already in stored form skips mongoose's document (src/shared/plain-document.ts).
 */
export async function insertDocument(model: unknown, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  const Model = model as CreatableModel;
  if (!batchInProgress()) return (await Model.create(doc)).toObject();
  const plain = withoutMongoose(Model, doc) ?? (await builtByMongoose(Model, doc));
  const versionKey = Model.schema.options.versionKey;
  if (versionKey) plain[versionKey] = 0;
  deferInsert(Model, plain);
  return plain;
}

/** The document built in stored form (src/shared/plain-document.ts), or null when mongoose must build it. */
function withoutMongoose(Model: CreatableModel, doc: Record<string, unknown>): Record<string, unknown> | null {
  const stamped = { ...doc };
  Model.stampNew?.(stamped);
  const plain = plainDocument(Model.schema, stamped);
  if (!plain || doc.institution !== undefined || plain.institution === undefined) return plain;
  // mongoose stamps the institution in a hook after the fields are set: it stays last, as there.
  const { institution, ...fields } = plain;
  return { ...fields, institution };
}

async function builtByMongoose(Model: CreatableModel, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  const built = new Model(doc);
  await built.validate();
  built.initializeTimestamps();
  return built.toObject({ depopulate: true, virtuals: false, getters: false, transform: false });
}
