import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** Every field of a selection set, through inline fragments and named ones. */
function* fieldsOf(set: SelectionSetNode | undefined, fragments: Info['fragments']): Generator<FieldNode> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') yield selection;
    else if (selection.kind === 'InlineFragment') yield* fieldsOf(selection.selectionSet, fragments);
    else yield* fieldsOf(fragments[selection.name.value]?.selectionSet, fragments);
  }
}

/**
 * The names of the fields a query selects at `path` below the field being resolved (e.g.
 * `edges.node` of a connection), over every alias, fragment and type condition: a superset
 * of what any one object there needs. Directives (@include, @skip) are not evaluated, which
 * can only add fields.
 */
export function selectedFieldsAt(info: Info, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const step of path) sets = sets.flatMap((set) => [...fieldsOf(set, info.fragments)].filter((f) => f.name.value === step).map((f) => f.selectionSet));
  return new Set(sets.flatMap((set) => [...fieldsOf(set, info.fragments)].map((f) => f.name.value)));
}
