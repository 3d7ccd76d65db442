import { isPlainObject, type Doc } from './bson.js';
import { badValue, CommandError } from './errors.js';
import { Index, type IndexSpec } from './indexes.js';
import { documentLanguage, parseTextQuery, termScores, textLanguage, textMatches, type TextFields, type TextQuery } from './text-search.js';

const MAX_WEIGHT = 100_000;

export const isTextSpec = (spec: { key: Record<string, unknown> }) => spec.key._fts === 'text';

/**
 * A createIndexes spec with 'text' fields, in the form MongoDB stores and lists it: the
 * text fields become `_fts: 'text', _ftsx: 1` between the fields before and after them,
 * and their weights, languages and version are options.
 */
export function textIndexSpec(raw: Doc & { name: string; key: Doc }): IndexSpec {
  const entries = Object.entries(raw.key);
  const textAt = entries.map(([field, v]) => v === 'text' || field === '_fts' || field === '_ftsx');
  const first = textAt.indexOf(true);
  const last = textAt.lastIndexOf(true);
  if (textAt.slice(first, last + 1).includes(false)) throw new CommandError(17389, 'Location17389', "'text' fields in index must all be adjacent");
  const weights = new Map<string, number>();
  const before: Doc = {};
  const after: Doc = {};
  entries.forEach(([field, v], i) => {
    if (textAt[i]) {
      if (field === '_fts' && v !== 'text') throw new CommandError(17271, 'Location17271', 'expecting _fts:"text"');
      if (field === '_ftsx' && v !== 1) throw new CommandError(17272, 'Location17272', 'expecting _ftsx:1');
      if (field !== '_fts' && field !== '_ftsx') weights.set(field, 1);
      return;
    }
    if (v !== 1 && v !== -1) throw new CommandError(17273, 'Location17273', 'expected value 1 or -1 for non-text key in compound index');
    (i < first ? before : after)[field] = v;
  });
  const given = raw.weights;
  if (isPlainObject(given)) {
    for (const [field, w] of Object.entries(given)) {
      if (typeof w !== 'number') throw new CommandError(17283, 'Location17283', 'weight for text index needs numeric type');
      if (!(w >= 1 && w < MAX_WEIGHT)) throw new CommandError(16674, 'Location16674', 'score for word too high');
      weights.set(field, Math.trunc(w));
    }
  } else if (given === '$**') weights.set('$**', 1);
  else if (given !== undefined) throw new CommandError(17284, 'Location17284', "text index option 'weights' must be an object");
  if (!weights.size) throw badValue('text index needs at least one text field or weight');
  const defaultLanguage = raw.default_language ?? 'english';
  if (typeof defaultLanguage !== 'string') throw badValue('default_language needs a string type');
  textLanguage(defaultLanguage);
  const override = raw.language_override ?? 'language';
  if (typeof override !== 'string' || !override || override.startsWith('$') || override.includes('.')) throw badValue(`language_override is invalid: ${JSON.stringify(override)}`);
  const version = raw.textIndexVersion ?? 3;
  if (version !== 3) throw new CommandError(17364, 'Location17364', `attempt to use unsupported textIndexVersion ${String(version)}; versions supported: 3`);
  return {
    ...raw,
    key: { ...before, _fts: 'text', _ftsx: 1, ...after },
    weights: Object.fromEntries([...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    default_language: defaultLanguage,
    language_override: override,
    textIndexVersion: 3,
  };
}

/** The options that make two text indexes different ones. */
export const textOptions = (spec: IndexSpec) => (isTextSpec(spec) ? { w: spec.weights, l: spec.default_language, o: spec.language_override } : null);

/**
 * A text index: each term's documents with their score, as MongoDB's index keys hold them.
 * It holds only documents with text (as MongoDB's), so the planner never walks it for order.
 */
export class TextIndex extends Index {
  readonly text: TextFields;
  /** Fields before the text ones: a $text query must give each by equality. */
  readonly prefix: string[];
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly termsById = new Map<string, string[]>();

  constructor(spec: IndexSpec, ns: string) {
    super(spec, ns);
    const weights = new Map(Object.entries(spec.weights as Record<string, number>));
    const wildcard = weights.delete('$**');
    this.text = { weights, wildcard, language: textLanguage(String(spec.default_language)), languageOverride: String(spec.language_override) };
    const keys = Object.keys(spec.key);
    this.prefix = keys.slice(0, keys.indexOf('_fts'));
  }

  override get complete(): boolean {
    return false;
  }

  override keyCount(): number {
    let n = 0;
    for (const holders of this.postings.values()) n += holders.size;
    return n;
  }

  /** Not unique; but a document whose language the index cannot read is refused before it is written. */
  override checkUnique(doc: Doc) {
    if (this.covers(doc)) documentLanguage(doc, this.text);
  }

  override checkUniqueExcept(doc: Doc) {
    this.checkUnique(doc);
  }

  override add(doc: Doc, id: string) {
    if (!this.covers(doc)) return;
    const scores = termScores(doc, this.text);
    if (!scores.size) return;
    this.termsById.set(id, [...scores.keys()]);
    for (const [term, score] of scores) {
      let holders = this.postings.get(term);
      if (!holders) this.postings.set(term, (holders = new Map()));
      holders.set(id, score);
    }
  }

  override remove(_doc: Doc, id: string) {
    for (const term of this.termsById.get(id) ?? []) {
      const holders = this.postings.get(term);
      holders?.delete(id);
      if (holders && !holders.size) this.postings.delete(term);
    }
    this.termsById.delete(id);
  }

  /** Parses a `$text` argument, checking the equality the index's leading fields need. */
  query(arg: unknown, filter: Doc): TextQuery {
    for (const field of this.prefix) {
      const cond = filter[field];
      if (cond === undefined || (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$') && k !== '$eq'))) {
        throw badValue(`error processing query: planner returned error :: caused by :: failed to use text index to satisfy $text query (if text index is compound, are equality predicates given for all prefix fields?)`);
      }
    }
    return parseTextQuery(arg, this.text.language);
  }

  /** Ids holding a search term, with the query's score: the sum of its terms' scores. */
  scored(q: TextQuery): Map<string, number> {
    const out = new Map<string, number>();
    for (const term of q.searchTerms) for (const [id, score] of this.postings.get(term) ?? []) out.set(id, (out.get(id) ?? 0) + score);
    return out;
  }

  /** The query's score of a document read directly (a transaction's own write, which the index does not hold). */
  scoreOf(doc: Doc, q: TextQuery): number | undefined {
    if (!this.covers(doc)) return undefined;
    const scores = termScores(doc, this.text);
    let total: number | undefined;
    for (const term of q.searchTerms) if (scores.has(term)) total = (total ?? 0) + scores.get(term)!;
    return total;
  }

  matches(doc: Doc, q: TextQuery): boolean {
    return textMatches(doc, this.text, q);
  }
}

/**
 * Splits a filter into its `$text` argument and the rest (undefined when it has none).
 * MongoDB allows one `$text`, at the top or inside a top-level `$and`; under `$or` it needs
 * every branch indexed, which the store does not plan, so it refuses that.
 */
export function splitTextFilter(filter: Doc): { arg: unknown; rest: Doc } | undefined {
  const found = textExpressions(filter);
  if (!found.count) return undefined;
  if (found.count > 1) throw badValue('Too many text expressions');
  if (found.underOr) throw new CommandError(115, 'CommandNotSupported', '$text is supported at the top level of a query or inside a top-level $and on the embedded server, not under $or, $nor, $not or $elemMatch');
  if ('$text' in filter) {
    const { $text: arg, ...rest } = filter;
    return { arg, rest };
  }
  const clauses = filter.$and as Doc[];
  const at = clauses.findIndex((c) => textExpressions(c).count > 0);
  const inner = splitTextFilter(clauses[at])!;
  const others = [...clauses.slice(0, at), ...(Object.keys(inner.rest).length ? [inner.rest] : []), ...clauses.slice(at + 1)];
  const { $and: _, ...rest } = filter;
  return { arg: inner.arg, rest: others.length ? { ...rest, $and: others } : rest };
}

/** How many `$text` a filter holds, and whether one is where the store cannot plan it. */
function textExpressions(v: unknown, inOr = false, found = { count: 0, underOr: false }) {
  if (Array.isArray(v)) for (const e of v) textExpressions(e, inOr, found);
  else if (isPlainObject(v)) {
    for (const [k, e] of Object.entries(v)) {
      if (k === '$text') {
        found.count++;
        found.underOr ||= inOr;
      }
      textExpressions(e, inOr || k === '$or' || k === '$nor' || k === '$not' || k === '$elemMatch', found);
    }
  }
  return found;
}

/** Whether a filter holds `$text` anywhere. */
export const hasText = (filter: unknown) => textExpressions(filter).count > 0;
