// What each revision of a verified record changed, field by field, as a reader names the
// fields and their values (names for people, labels for vocabulary words): the stored
// snapshots hold internal keys (rankKey, dedupeKey) nobody should have to read.
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { t } from '../../shared/i18n/t.js';
import type { FieldKey } from '../../messages/fields.js';
import { label, type Vocabulary } from '../vocabulary/vocabulary.js';
import { collectiveName, type StoredCollective } from './recipients.js';

/** The facts a revision can change, in the order they are shown, with their labels. */
const FACTS: { field: string; label: FieldKey; vocabulary?: Vocabulary }[] = [
  { field: 'title', label: 'field.title' },
  { field: 'competition', label: 'field.competition' },
  { field: 'year', label: 'field.year' },
  { field: 'date', label: 'field.date' },
  { field: 'level', label: 'field.level', vocabulary: 'level' },
  { field: 'category', label: 'field.category', vocabulary: 'category' },
  { field: 'grade', label: 'field.grade', vocabulary: 'grade' },
  { field: 'placement', label: 'field.placement' },
  { field: 'resultText', label: 'field.resultText' },
  { field: 'division', label: 'field.division' },
  { field: 'people', label: 'field.people' },
  { field: 'collective', label: 'field.collective' },
  { field: 'honourKind', label: 'field.honourKind', vocabulary: 'honourKind' },
  { field: 'designation', label: 'field.designation', vocabulary: 'modelWorkerTitle' },
  { field: 'conferredBy', label: 'field.conferredBy' },
  { field: 'sector', label: 'field.sector' },
  { field: 'score', label: 'field.score' },
  { field: 'asWritten', label: 'field.asWritten' },
  { field: 'holderCount', label: 'field.holderCount' },
  { field: 'holderNoun', label: 'field.holderNoun' },
  { field: 'session', label: 'field.session' },
  { field: 'validUntil', label: 'field.validUntil' },
  { field: 'kind', label: 'field.kind', vocabulary: 'donationKind' },
  { field: 'donor', label: 'field.donor' },
  { field: 'donorCollective', label: 'field.donorCollective' },
  { field: 'donorCount', label: 'field.donorCount' },
  { field: 'quantity', label: 'field.quantity' },
  { field: 'approximate', label: 'field.approximate' },
  { field: 'campaign', label: 'field.campaign' },
  { field: 'evidence', label: 'field.evidenceNote' },
  { field: 'note', label: 'field.note' },
];

type Doc = Record<string, unknown>;
const isId = (v: unknown): v is Types.ObjectId => Boolean(v && typeof v === 'object' && '_bsontype' in (v as object));

async function shown(ctx: RequestContext, fact: (typeof FACTS)[number], value: unknown): Promise<string | null> {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length)) return null;
  // (An achievement's kind never changes, so only a donation's kind is ever shown.)
  if (fact.vocabulary && typeof value === 'string') return label(fact.vocabulary, value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (fact.field === 'people' && Array.isArray(value)) return (await ctx.loaders.person.loadMany(value as Types.ObjectId[])).map((p) => (p && !(p instanceof Error) ? p.name : '?')).join('、');
  if (fact.field === 'donor' && isId(value)) return (await ctx.loaders.person.load(value))?.name ?? '?';
  if (fact.field === 'competition' && isId(value)) return (await ctx.loaders.competition.load(value))?.name ?? '?';
  if ((fact.field === 'collective' || fact.field === 'donorCollective') && typeof value === 'object') {
    const c = value as StoredCollective;
    return collectiveName(c, c.department ? ((await ctx.loaders.department.load(c.department))?.name ?? '?') : null, ctx.institution?.selfReference ?? '全院');
  }
  if (fact.field === 'evidence' && typeof value === 'object') return Object.values(value as Doc).filter(Boolean).join('；') || null;
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface RevisionChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** The changes from `before` (a revision's snapshot) to `after` (the next one, or the record now). */
export async function changesBetween(ctx: RequestContext, before: Doc, after: Doc): Promise<RevisionChange[]> {
  const changes: RevisionChange[] = [];
  for (const fact of FACTS) {
    if (same(before[fact.field], after[fact.field])) continue;
    changes.push({ field: fact.field, label: t(fact.label), before: await shown(ctx, fact, before[fact.field]), after: await shown(ctx, fact, after[fact.field]) });
  }
  return changes;
}

/** Revisions, each with what it changed and its snapshot limited to the facts. */
export function revisionsOf(record: Doc & { history?: { revision: number; at: Date; by: unknown; snapshot: Doc }[] }) {
  const history = record.history ?? [];
  return history.map((h, i) => ({
    ...h,
    snapshot: JSON.stringify(Object.fromEntries(FACTS.filter((f) => h.snapshot[f.field] !== undefined).map((f) => [f.field, h.snapshot[f.field]]))),
    changes: (_: unknown, ctx: RequestContext) => changesBetween(ctx, h.snapshot, i + 1 < history.length ? history[i + 1].snapshot : record),
  }));
}
