// `{$meta: 'textScore'}` in a find's sort and projection and in a pipeline's stages. The
// score rides on copies of the matched documents under a field no client writes, which the
// stages carry along as MongoDB carries a document's metadata, and leaves before the reply.
import { isPlainObject, type Doc } from './bson.js';
import { CommandError } from './errors.js';

/** The score of each document the last `$text` query returned, read at once by the command that ran it. */
export const textScores = new WeakMap<Doc, number>();

const SCORE_FIELD = '__embeddedTextScore';

export const isTextScoreMeta = (v: unknown): boolean => isPlainObject(v) && Object.keys(v).length === 1 && v.$meta === 'textScore';

/** Whether a sort, projection or pipeline asks for the text score anywhere. */
export function mentionsTextScore(v: unknown): boolean {
  if (isTextScoreMeta(v)) return true;
  if (Array.isArray(v)) return v.some(mentionsTextScore);
  return isPlainObject(v) && Object.values(v).some(mentionsTextScore);
}

export const noTextScore = () => new CommandError(40218, 'Location40218', 'query requires text score metadata, but it is not available');

const withScore = (doc: Doc, score: number | undefined) => ({ ...doc, [SCORE_FIELD]: score ?? 0 });

function withoutScore(doc: Doc): Doc {
  if (!(SCORE_FIELD in doc)) return doc;
  const { [SCORE_FIELD]: _, ...rest } = doc;
  return rest;
}

/** A sort with the text score in it: by the score, highest first (as MongoDB sorts it). */
const scoreSort = (sort: Doc) => Object.fromEntries(Object.entries(sort).map(([k, v]) => (isTextScoreMeta(v) ? [SCORE_FIELD, -1] : [k, v])));

/** A find's `$text` matches sorted, sliced and projected with their scores where asked. */
export function scoredFind(docs: Doc[], sort: Doc | undefined, projection: Doc | undefined, order: (docs: Doc[], sort: Doc | undefined) => Doc[], project: (docs: Doc[], projection: Doc | undefined) => Doc[]): Doc[] {
  if (!mentionsTextScore(sort) && !mentionsTextScore(projection)) return project(order(docs, sort), projection);
  const ordered = order(
    docs.map((d) => withScore(d, textScores.get(d))),
    sort && scoreSort(sort),
  );
  const scoreFields = Object.keys(projection ?? {}).filter((k) => isTextScoreMeta(projection![k]));
  const rest = Object.fromEntries(Object.entries(projection ?? {}).filter(([k]) => !scoreFields.includes(k)));
  const projected = project(ordered, Object.keys(rest).length ? rest : undefined);
  return projected.map((doc, i) => {
    const out = withoutScore(doc);
    for (const field of scoreFields) out[field] = ordered[i][SCORE_FIELD];
    return out === doc ? { ...doc } : out;
  });
}

/** A stage with `{$meta: 'textScore'}` read from the carried score, and an inclusion $project keeping it. */
function scoreStage(stage: Doc): Doc {
  const [name, spec] = Object.entries(stage)[0] ?? [];
  if (name === '$sort' && isPlainObject(spec)) return { $sort: scoreSort(spec) };
  const rewrite = (v: unknown): unknown => {
    if (isTextScoreMeta(v)) return `$${SCORE_FIELD}`;
    if (Array.isArray(v)) return v.map(rewrite);
    return isPlainObject(v) ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, rewrite(e)])) : v;
  };
  const out = rewrite(stage) as Doc;
  if (name === '$project' && isPlainObject(spec) && Object.entries(spec).some(([k, v]) => k !== '_id' && v !== 0 && v !== false)) {
    (out.$project as Doc)[SCORE_FIELD] = 1;
  }
  return out;
}

/**
 * A pipeline after a `$text` $match: its input (copied where the stages write) carries the
 * scores, its stages read them, and its output leaves them. Without a `$text` match, asking for the score is MongoDB's error.
 */
export function scoredPipeline(input: Doc[], stages: Doc[], texted: boolean, copy: (doc: Doc) => Doc, run: (input: Doc[], stages: Doc[]) => Doc[]): Doc[] {
  if (!mentionsTextScore(stages)) return run(copy === identity ? input : input.map(copy), stages);
  if (!texted) throw noTextScore();
  return run(
    input.map((d) => withScore(copy(d), textScores.get(d))),
    stages.map(scoreStage),
  ).map(withoutScore);
}

export const identity = (doc: Doc) => doc;
