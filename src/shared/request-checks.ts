// Checks on what a caller sends before any of it is used: variables nested too deeply for
// the JSON and BSON code that handles them, and NUL characters (BSON forbids them in keys
// and patterns, and no field of the registry may hold one).
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export const MAX_VARIABLES_DEPTH = 32;

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Walks the variables without recursion; throws BAD_USER_INPUT for deep nesting or a NUL. */
export function inspectVariables(variables: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw badInput(`variable ${path || '(root)'} contains a NUL character`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLES_DEPTH) throw badInput(`variables are nested more than ${MAX_VARIABLES_DEPTH} levels deep`);
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) throw badInput(`a variable key under ${path || '(root)'} contains a NUL character`);
      stack.push({ value: child, path: path ? `${path}.${key}` : `$${key}`, depth: depth + 1 });
    }
  }
}

/** A validation rule: string literals in the document hold no NUL character. */
export function noNulCharacters(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (node.value.includes('\u0000')) context.reportError(new GraphQLError('a string in the query contains a NUL character', { nodes: [node] }));
    },
  };
}
