import { UserInputFailure, type UserError } from './errors.js';

/**
 * Runs a mutation's service call and shapes its payload: the result under `key`, or, for
 * refused input, null and the userErrors. Every other error propagates as a GraphQL error.
 */
export async function payload<K extends string, T>(key: K, run: () => Promise<T>): Promise<{ [P in K]: T | null } & { userErrors: UserError[] }> {
  try {
    const result = await run();
    return { [key]: result, userErrors: [] } as { [P in K]: T | null } & { userErrors: UserError[] };
  } catch (e) {
    if (e instanceof UserInputFailure) return { [key]: null, userErrors: e.userErrors } as { [P in K]: T | null } & { userErrors: UserError[] };
    throw e;
  }
}
