// What one import reads once and keeps: the competitions its rows name (by year and
// normalised name, and by global id), the ones a dry run would add, and the dedupe keys of
// the awards already stored in those competitions. Rows then ask the database only for
// what the memo does not know.
import type { RequestContext } from '../../context.js';
import type { CompetitionRecord } from '../competitions/model.js';
import { awardScope } from '../achievements/awards.js';
import { DedupeMemo, scopeOf, STORED_KEY_FIELDS, type StoredKey } from '../achievements/dedupe-memo.js';
import { normalizeName } from '../achievements/similarity.js';
import { toGlobalId } from '../../shared/ids.js';

const nameKey = (year: number, name: string) => `${year}|${normalizeName(name)}`;

export class CompetitionMemo {
  private readonly byName = new Map<string, CompetitionRecord | null>();
  private readonly byId = new Map<string, CompetitionRecord>();
  private readonly drafts = new Map<string, CompetitionRecord>();

  constructor(private readonly dedupe: DedupeMemo) {}

  /**
   * Reads the competitions of these years and names in one query, and the dedupe keys of
   * their stored awards in another, so the rows that name them ask nothing more.
   */
  async prime(ctx: RequestContext, wanted: readonly { year: number; name: string }[]) {
    const namesByYear = new Map<number, Set<string>>();
    for (const { year, name } of wanted) {
      if (this.byName.has(nameKey(year, name))) continue;
      const names = namesByYear.get(year) ?? new Set<string>();
      namesByYear.set(year, names.add(normalizeName(name)));
    }
    if (!namesByYear.size) return;
    const found = (await ctx.models.Competition.find({ $or: [...namesByYear].map(([year, names]) => ({ year, normalizedName: { $in: [...names] } })) }).lean()) as CompetitionRecord[];
    for (const [year, names] of namesByYear) for (const name of names) this.byName.set(`${year}|${name}`, null);
    for (const c of found) this.remember(`${c.year}|${c.normalizedName}`, c);
    const stored = (await ctx.models.Award.find({ competition: { $in: found.map((c) => c._id) } }, STORED_KEY_FIELDS).lean()) as StoredKey[];
    const byScope = new Map<string, StoredKey[]>();
    for (const r of stored) {
      const scope = scopeOf(r.dedupeKey);
      const records = byScope.get(scope);
      if (records) records.push(r);
      else byScope.set(scope, [r]);
    }
    for (const c of found) this.dedupe.cover(awardScope(c._id), byScope.get(awardScope(c._id)));
  }

  /** The competition of that year and name, read once per import (null: there is none). */
  async named(ctx: RequestContext, year: number, name: string): Promise<CompetitionRecord | null> {
    const key = nameKey(year, name);
    if (!this.byName.has(key)) this.remember(key, (await ctx.models.Competition.findOne({ year, normalizedName: normalizeName(name) }).lean()) as CompetitionRecord | null);
    return this.byName.get(key)!;
  }

  /** A competition this import added: it holds no awards but the ones the import writes. */
  added(c: CompetitionRecord, created: boolean) {
    this.remember(nameKey(c.year, c.name), c);
    if (created) this.dedupe.cover(awardScope(c._id));
  }

  /** The competition a dry run would add for that year and name, as its first row checked it. */
  draft = (year: number, name: string) => this.drafts.get(nameKey(year, name));

  drafted(c: CompetitionRecord) {
    this.drafts.set(nameKey(c.year, c.name), c);
    this.dedupe.cover(awardScope(c._id));
  }

  byGlobalId = (id: string) => this.byId.get(id);

  /**
   * After a refused row or an undone chunk: a competition added inside it may be gone, so
   * names are read again (once each). The dedupe memo stays: it only ever holds committed writes.
   */
  forget() {
    this.byName.clear();
    this.byId.clear();
  }

  private remember(key: string, c: CompetitionRecord | null) {
    this.byName.set(key, c);
    if (c) this.byId.set(toGlobalId('Competition', c._id), c);
  }
}
