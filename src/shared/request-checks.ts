// Checks on what a caller sends before any of it is used: variables nested too deeply for
// the JSON and BSON code that handles them, and NUL characters (BSON forbids them in keys
// and patterns, and no field of the registry may hold one).
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { t, type Text } from './i18n/t.js';

export const MAX_VARIABLES_DEPTH = 32;

const badInput = (message: Text) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Walks the variables without recursion; throws BAD_USER_INPUT for deep nesting or a NUL. */
export function inspectVariables(variables: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw badInput(t('request.nulInVariable', { path }));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLES_DEPTH) throw badInput(t('request.nestedTooDeep', { limit: MAX_VARIABLES_DEPTH }));
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) throw badInput(t('request.nulInKey', { path }));
      stack.push({ value: child, path: path ? `${path}.${key}` : `$${key}`, depth: depth + 1 });
    }
  }
}

/** A validation rule: string literals in the document hold no NUL character. */
export function noNulCharacters(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (node.value.includes('\u0000')) context.reportError(new GraphQLError(t('request.nulInQuery'), { nodes: [node] }));
    },
  };
}
