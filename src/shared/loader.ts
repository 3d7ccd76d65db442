import DataLoader from 'dataloader';
import type { Types } from 'mongoose';

type Key = Types.ObjectId | string;

/** The part of a mongoose model the loaders use (keeps them free of mongoose's generics). */
export interface FindableModel {
  find(filter: Record<string, unknown>): { lean(): PromiseLike<unknown> };
}

/** Loads documents of one model by _id, batched per request; misses come back as null. */
export function byIdLoader<T extends { _id: Types.ObjectId }>(model: FindableModel): DataLoader<Key, T | null, string> {
  return new DataLoader<Key, T | null, string>(
    async (ids) => {
      const docs = (await model.find({ _id: { $in: ids } }).lean()) as T[];
      const byId = new Map(docs.map((d) => [String(d._id), d]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    },
    { cacheKeyFn: String },
  );
}

/** Loads documents by a unique string field (codes, usernames), batched per request. */
export function byFieldLoader<T>(model: FindableModel, field: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (values) => {
    const docs = (await model.find({ [field]: { $in: values } }).lean()) as T[];
    const byValue = new Map(docs.map((d) => [String((d as Record<string, unknown>)[field]), d]));
    return values.map((v) => byValue.get(v) ?? null);
  });
}
