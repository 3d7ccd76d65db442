import { Types } from 'mongoose';
import { badUserInput } from './errors.js';
import { t } from './i18n/t.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Ordering {
  /** A field present on every document (keyset pagination compares it). */
  field: string;
  direction: 1 | -1;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

type CursorValue = string | number | boolean | { d: string };

function encodeCursor(value: unknown, id: Types.ObjectId): string {
  const v: CursorValue = value instanceof Date ? { d: value.toISOString() } : (value as CursorValue);
  return Buffer.from(JSON.stringify([v, String(id)])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, Types.ObjectId] {
  try {
    const [v, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [CursorValue, string];
    if (typeof id !== 'string' || !/^[0-9a-f]{24}$/.test(id)) throw new Error('bad id');
    const value = v && typeof v === 'object' && 'd' in v ? new Date(v.d) : v;
    // An ObjectId, not its hex: an aggregation's $match is not cast as a find's filter is.
    return [value, new Types.ObjectId(id)];
  } catch {
    throw badUserInput(t('page.badCursor'), 'after');
  }
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) throw badUserInput(t('page.badSize', { max: MAX_PAGE_SIZE }), 'first');
  return n;
}

/**
 * A Relay connection by keyset pagination: stable under inserts, no skip scans.
 * Ties on the ordering field are broken by _id, in the same direction.
 */
export interface PageableModel {
  find(filter: Record<string, unknown>, projection?: Record<string, 1>): { sort(spec: Record<string, 1 | -1>): { limit(n: number): { lean(): PromiseLike<unknown> } } };
  countDocuments(filter: Record<string, unknown>): PromiseLike<number>;
}

/** Reads a page's documents (a find by default; an aggregation that joins, for lists that show others). */
export type PageReader = (query: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number) => PromiseLike<unknown[]>;

export async function paginate<T extends { _id: Types.ObjectId }>(
  model: PageableModel,
  filter: Record<string, unknown>,
  order: Ordering,
  args: PageArgs,
  /** The fields the page's readers need (with the ordering field, for cursors); all when absent. */
  projection?: Record<string, 1>,
  read: PageReader = (query, sort, limit) => model.find(query, projection).sort(sort).limit(limit).lean() as PromiseLike<unknown[]>,
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const { field, direction } = order;
  let query: Record<string, unknown> = filter;
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    const op = direction === 1 ? '$gt' : '$lt';
    const after = { $or: [{ [field]: { [op]: value } }, { [field]: value, _id: { [op]: id } }] };
    // The plain bound is implied by the $or; it lets an index seek to the cursor.
    const bound = { [field]: { [`${op}e`]: value } };
    query = { $and: [filter, bound, after] };
  }
  const docs = limit ? ((await read(query, { [field]: direction, _id: direction }, limit + 1)) as T[]) : [];
  const page = docs.slice(0, limit);
  // A cursor is encoded only when read: most pages ask for pageInfo, not every edge's cursor.
  const edges = page.map((node) => ({
    node,
    get cursor() {
      return encodeCursor((node as Record<string, unknown>)[field], node._id);
    },
  }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: docs.length > limit,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Counted only when a client asks for it.
    totalCount: () => (total ??= Promise.resolve(model.countDocuments(filter))),
  };
}
