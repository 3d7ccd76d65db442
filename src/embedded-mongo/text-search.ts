// Text search as MongoDB's text index version 3 does it: its delimiters, English stop words
// and Porter2 stemming, case folding and diacritic removal, phrases and negations, and its
// score. One addition: Chinese writes no spaces between words, so a run of Han characters is
// indexed as its single characters and bigrams, and searched by its bigrams (a lone
// character by itself). MongoDB would keep the whole run as one token.
import { stem } from 'porter2';
import { isPlainObject, type Doc } from './bson.js';
import { badValue, CommandError } from './errors.js';
import { isSubdocument, pathValues } from './values.js';

export type TextLanguage = 'english' | 'none';

const LANGUAGES: Record<string, TextLanguage> = { english: 'english', en: 'english', none: 'none' };
/** Languages MongoDB stems that the store does not (it refuses them rather than index them as 'none'). */
const OTHER_MONGODB_LANGUAGES = new Set(
  'danish da dutch nl finnish fi french fr german de hungarian hu italian it norwegian nb portuguese pt romanian ro russian ru spanish es swedish sv turkish tr'.split(' '),
);

/** MongoDB's English stop words (its text index never indexes or searches them). */
const ENGLISH_STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
  can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't
  have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is
  isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves
  then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
  we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't would
  wouldn't you you'd you'll you're you've your yours yourself yourselves`.split(/\s+/),
);

/** The Unicode properties MongoDB's tokenizer splits on (Hyphen, not in JavaScript's regexps, listed by code point). */
const DELIMITER = /[\p{White_Space}\p{Dash}\p{Quotation_Mark}\p{Terminal_Punctuation}\p{Pattern_Syntax}\p{Sentence_Terminal}\u00AD\u058A\u1806\u2010\u2011\u2E17\u30FB\uFE63\uFF0D\uFF65]/u;
const HAN = /\p{Script=Han}/u;

/** A language name as an index, a document or a query gives it. */
export function textLanguage(name: string, refuse: (message: string) => Error = badValue): TextLanguage {
  const language = LANGUAGES[name.toLowerCase()];
  if (language) return language;
  if (OTHER_MONGODB_LANGUAGES.has(name.toLowerCase())) {
    throw new CommandError(115, 'CommandNotSupported', `the embedded server stems English only: text language "${name}" is not supported (use "english" or "none")`);
  }
  throw refuse(`unsupported language: "${name}" for text index version 3`);
}

export interface TokenOptions {
  stopWords?: boolean;
  caseSensitive?: boolean;
  diacriticSensitive?: boolean;
  /** A query's Han runs are searched by bigrams; a document's are indexed by characters and bigrams. */
  query?: boolean;
}

const stripDiacritics = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').normalize('NFC');

function wordTerm(word: string, language: TextLanguage, o: TokenOptions): string | undefined {
  const lower = word.toLowerCase();
  if (o.stopWords && language === 'english' && ENGLISH_STOP_WORDS.has(lower)) return undefined;
  let term = o.caseSensitive ? word : lower;
  // The stemmer reads diacritics, so it runs before they are removed, as MongoDB's does.
  if (language === 'english') term = stem(term);
  return o.diacriticSensitive ? term : stripDiacritics(term);
}

function hanTerms(run: string[], o: TokenOptions, out: string[]) {
  if (!o.query || run.length === 1) out.push(...run);
  for (let i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
}

/** The terms of a string, in order. */
export function tokenize(text: string, language: TextLanguage, o: TokenOptions = {}): string[] {
  const out: string[] = [];
  let word = '';
  let han: string[] = [];
  const flushWord = () => {
    if (word) {
      const term = wordTerm(word, language, o);
      if (term) out.push(term);
    }
    word = '';
  };
  const flushHan = () => {
    if (han.length) hanTerms(han, o, out);
    han = [];
  };
  for (const ch of text) {
    if (DELIMITER.test(ch) && !(ch === "'" && language === 'english')) {
      flushWord();
      flushHan();
    } else if (HAN.test(ch)) {
      flushWord();
      han.push(ch);
    } else {
      flushHan();
      word += ch;
    }
  }
  flushWord();
  flushHan();
  return out;
}

/** The text index's view of a spec: which strings it reads, with what weight, in which language. */
export interface TextFields {
  weights: Map<string, number>;
  wildcard: boolean;
  language: TextLanguage;
  languageOverride: string;
}

/** Every string the index reads in a document, with its field's weight. */
export function textValues(doc: Doc, fields: TextFields): { text: string; weight: number }[] {
  const out: { text: string; weight: number }[] = [];
  if (fields.wildcard) {
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string') out.push({ text: v, weight: fields.weights.get(path) ?? 1 });
      else if (Array.isArray(v)) for (const e of v) walk(e, path);
      else if (isSubdocument(v)) for (const [k, e] of Object.entries(v)) walk(e, path ? `${path}.${k}` : k);
    };
    walk(doc, '');
    return out;
  }
  for (const [field, weight] of fields.weights) {
    for (const v of pathValues(doc, field)) if (typeof v === 'string') out.push({ text: v, weight });
  }
  return out;
}

/** The language a document is indexed in: its override field, else the index's default. */
export function documentLanguage(doc: Doc, fields: TextFields): TextLanguage {
  const given = doc[fields.languageOverride];
  if (given === undefined) return fields.language;
  if (typeof given !== 'string') throw new CommandError(17261, 'Location17261', 'found language override field in document with non-string type');
  return textLanguage(given, (m) => new CommandError(17262, 'Location17262', `language override unsupported: ${given} (${m})`));
}

/** MongoDB's score of each term in a document: by weight, by frequency (with diminishing returns) and by the field's length. */
export function termScores(doc: Doc, fields: TextFields): Map<string, number> {
  const language = documentLanguage(doc, fields);
  const scores = new Map<string, number>();
  for (const { text, weight } of textValues(doc, fields)) {
    const terms = tokenize(text, language, { stopWords: true });
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, count] of counts) {
      // Each repeat counts half the one before: 1 + 1/2 + 1/4 …
      const frequency = 2 - 2 ** (1 - count);
      const coefficient = (0.5 * count) / terms.length + 0.5;
      // A field that is the term itself gets a small boost.
      const adjustment = text.length === term.length && text.toLowerCase() === term ? 1.1 : 1;
      scores.set(term, (scores.get(term) ?? 0) + weight * frequency * coefficient * adjustment);
    }
  }
  return scores;
}

/** A parsed `$text` argument. */
export interface TextQuery {
  /** Terms looked up in the index (lower case, no diacritics); a document must hold one. */
  searchTerms: Set<string>;
  /** Terms as the query's sensitivity compares them (the search terms when insensitive). */
  positiveTerms: Set<string>;
  negatedTerms: Set<string>;
  phrases: string[];
  negatedPhrases: string[];
  language?: TextLanguage;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

/** Parses `{$search, $language, $caseSensitive, $diacriticSensitive}` as MongoDB does. */
export function parseTextQuery(arg: unknown, defaultLanguage: TextLanguage): TextQuery {
  if (!isPlainObject(arg)) throw badValue('$text expects an object');
  for (const key of Object.keys(arg)) {
    if (!['$search', '$language', '$caseSensitive', '$diacriticSensitive'].includes(key)) throw badValue(`extra fields in $text: ${key}`);
  }
  const search = arg.$search;
  if (typeof search !== 'string') throw badValue('$search requires a string value');
  const flag = (name: string) => {
    const v = arg[name];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw badValue(`${name} requires a boolean value`);
    return v;
  };
  if (arg.$language !== undefined && typeof arg.$language !== 'string') throw badValue('$language requires a string value');
  const query: TextQuery = {
    searchTerms: new Set(),
    positiveTerms: new Set(),
    negatedTerms: new Set(),
    phrases: [],
    negatedPhrases: [],
    language: typeof arg.$language === 'string' ? textLanguage(arg.$language) : undefined,
    caseSensitive: flag('$caseSensitive'),
    diacriticSensitive: flag('$diacriticSensitive'),
  };
  splitSearch(search, query, query.language ?? defaultLanguage);
  return query;
}

const isQuerySpace = (c: string) => c === ' ' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** The search string's pieces: runs of text, and `-` and `"` each alone, with whether a space came before. */
function searchPieces(search: string): { text: string; delimiter: boolean; offset: number; afterSpace: boolean }[] {
  const pieces: { text: string; delimiter: boolean; offset: number; afterSpace: boolean }[] = [];
  let pos = 0;
  const skipSpaces = () => {
    const from = pos;
    while (pos < search.length && isQuerySpace(search[pos])) pos++;
    return pos > from;
  };
  skipSpaces();
  let afterSpace = true;
  while (pos < search.length) {
    const start = pos++;
    const delimiter = search[start] === '-' || search[start] === '"';
    if (!delimiter) while (pos < search.length && !isQuerySpace(search[pos]) && search[pos] !== '-' && search[pos] !== '"') pos++;
    const piece = { text: search.slice(start, pos), delimiter, offset: start, afterSpace };
    afterSpace = skipSpaces();
    pieces.push(piece);
  }
  return pieces;
}

/**
 * Splits the search string as MongoDB does: `-` after a space negates up to the next space
 * (a word or a phrase), a quoted phrase must appear as written, and a positive phrase's
 * words are search terms too.
 */
function splitSearch(search: string, query: TextQuery, language: TextLanguage) {
  const positive: string[] = [];
  const negated: string[] = [];
  let negation = false;
  let phraseAt = -1;
  for (const piece of searchPieces(search)) {
    if (!piece.delimiter) {
      if (phraseAt >= 0 && negation) continue;
      if (negation && piece.afterSpace) negation = false;
      (negation ? negated : positive).push(piece.text);
    } else if (piece.text === '-') {
      if (phraseAt < 0 && piece.afterSpace) negation = true;
    } else if (phraseAt >= 0) {
      (negation ? query.negatedPhrases : query.phrases).push(search.slice(phraseAt + 1, piece.offset));
      phraseAt = -1;
    } else {
      if (negation && piece.afterSpace) negation = false;
      phraseAt = piece.offset;
    }
  }
  const insensitive = { stopWords: true, query: true };
  const asAsked = query.caseSensitive || query.diacriticSensitive ? { ...insensitive, caseSensitive: query.caseSensitive, diacriticSensitive: query.diacriticSensitive } : insensitive;
  for (const t of tokenize(positive.join(' '), language, insensitive)) query.searchTerms.add(t);
  for (const t of tokenize(positive.join(' '), language, asAsked)) query.positiveTerms.add(t);
  for (const t of tokenize(negated.join(' '), language, asAsked)) query.negatedTerms.add(t);
}

/** Case- and diacritic-insensitive phrase containment, unless the query asks otherwise. */
function phraseIn(phrase: string, text: string, q: TextQuery): boolean {
  let p = phrase;
  let t = text;
  if (!q.caseSensitive) {
    p = p.toLowerCase();
    t = t.toLowerCase();
  }
  if (!q.diacriticSensitive) {
    p = stripDiacritics(p);
    t = stripDiacritics(t);
  }
  return t.includes(p);
}

/**
 * Whether a document the index found for the query's terms matches it: a positive term as
 * the query's sensitivity reads it, no negated term, every phrase and no negated phrase.
 */
export function textMatches(doc: Doc, fields: TextFields, q: TextQuery): boolean {
  const language = documentLanguage(doc, fields);
  const values = textValues(doc, fields);
  const options = { caseSensitive: q.caseSensitive, diacriticSensitive: q.diacriticSensitive };
  const anyToken = (terms: Set<string>) => values.some(({ text }) => tokenize(text, language, options).some((t) => terms.has(t)));
  if ((q.caseSensitive || q.diacriticSensitive) && !anyToken(q.positiveTerms)) return false;
  if (q.negatedTerms.size && anyToken(q.negatedTerms)) return false;
  if (!q.phrases.every((p) => values.some(({ text }) => phraseIn(p, text, q)))) return false;
  return !q.negatedPhrases.some((p) => values.some(({ text }) => phraseIn(p, text, q)));
}
