// Limits on what one operation may ask for: depth, aliases, and an estimated cost where
// each list multiplies its children by its page size. Checked once the operation is known,
// before anything executes.
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination.js';
import { t, type Text } from './i18n/t.js';

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** What one field that aggregates a whole year costs, e.g. Query.achievementReport. */
  fieldCosts: Record<string, number>;
}

const tooComplex = (message: Text, extra: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, ...extra } });

function walk(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, depth: number, seen: Set<string>, stats: { depth: number; aliases: number }) {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) stats.aliases++;
      if (sel.selectionSet) {
        stats.depth = Math.max(stats.depth, depth + 1);
        walk(sel.selectionSet, fragments, depth + 1, seen, stats);
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      walk(sel.selectionSet, fragments, depth, seen, stats);
    } else {
      const frag = fragments.get(sel.name.value);
      // A fragment spread twice at one level still costs; cycles are rejected by validation.
      if (frag && !seen.has(`${sel.name.value}@${depth}`)) {
        seen.add(`${sel.name.value}@${depth}`);
        walk(frag.selectionSet, fragments, depth, seen, stats);
      }
    }
  }
}

/** Distinct response keys per root field (aliases, fragments included), per parsed operation. */
const rootKeys = new WeakMap<OperationDefinitionNode, Map<string, Set<string>>>();

/** How many times a root field runs: its distinct response keys. Measured once per document. */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode, field: string): number {
  let keys = rootKeys.get(operation);
  if (!keys) {
    const found = new Map<string, Set<string>>();
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const visit = (set: SelectionSetNode, seen: Set<string>) => {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) found.set(sel.name.value, (found.get(sel.name.value) ?? new Set()).add(sel.alias?.value ?? sel.name.value));
        else if (sel.kind === Kind.INLINE_FRAGMENT) visit(sel.selectionSet, seen);
        else if (!seen.has(sel.name.value) && fragments.has(sel.name.value)) visit(fragments.get(sel.name.value)!.selectionSet, new Set([...seen, sel.name.value]));
      }
    };
    visit(operation.selectionSet, new Set());
    rootKeys.set(operation, (keys = found));
  }
  return keys.get(field)?.size ?? 0;
}

/** Fields priced by their work; connections multiply their children by `first` (or the default page size). */
const pageEstimator =
  (fieldCosts: Record<string, number>): ComplexityEstimator =>
  ({ args, childComplexity, field, type }) => {
    const fixed = fieldCosts[`${type.name}.${field.name}`];
    if (fixed !== undefined) return fixed + childComplexity;
    if (!/Connection!?$/.test(String(field.type))) return undefined;
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.max(1, first) * childComplexity;
  };

/**
 * Measurements per parsed document (Apollo hands the same AST object to every request of
 * the same query), and the cost per set of variables: a repeated query is measured once.
 */
const measured = new WeakMap<OperationDefinitionNode, { depth: number; aliases: number; costs: Map<string, number> }>();

export function checkLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: Limits) {
  let entry = measured.get(operation);
  if (!entry) {
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const stats = { depth: 0, aliases: 0 };
    walk(operation.selectionSet, fragments, 0, new Set(), stats);
    entry = { ...stats, costs: new Map() };
    measured.set(operation, entry);
  }

  if (entry.depth > limits.maxDepth) throw tooComplex(t('request.tooDeep', { depth: entry.depth, limit: limits.maxDepth }), { depth: entry.depth, limit: limits.maxDepth });
  if (entry.aliases > limits.maxAliases) throw tooComplex(t('request.tooManyAliases', { aliases: entry.aliases, limit: limits.maxAliases }), { aliases: entry.aliases, limit: limits.maxAliases });
  const variablesKey = JSON.stringify(variables);
  let cost = entry.costs.get(variablesKey);
  if (cost === undefined) cost = estimateCost(schema, document, operation, variables, limits.fieldCosts);
  if (entry.costs.size < 100) entry.costs.set(variablesKey, cost);
  if (cost > limits.maxCost) throw tooComplex(t('request.tooCostly', { cost, limit: limits.maxCost }), { cost, limit: limits.maxCost });
}

function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, fieldCosts: Record<string, number>): number {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [pageEstimator(fieldCosts), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (e) {
    // Estimating coerces the variables first: a bad variable is the caller's input error.
    if (e instanceof GraphQLError) throw new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw e;
  }
}
