// Executes GraphQL operations with graphql-jit instead of graphql-js: each operation is
// compiled once into a function, so a page of 50 nodes costs no per-field promise
// bookkeeping. Apollo Server takes it through its `gateway` option and keeps the rest of its
// pipeline (parsing, validation, our plugins' checks, error formatting) as before.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { defaultFieldResolver, execute, GraphQLError, isObjectType, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * graphql-jit reads a field without a resolver as a plain property, so a method (a
 * connection's `totalCount`) would not be called nor a promise awaited: such fields get
 * graphql-js's own default resolver, which does both.
 */
function withDefaultResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
  return schema;
}

/**
 * graphql-jit's errors are GraphQLError look-alikes built without the constructor: rebuilt
 * as real ones, keeping what was thrown as `originalError` (our error formatting reads its
 * code there) and the locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) Object.assign(rebuilt, { locations: error.locations });
  return rebuilt;
}

type Compiled = CompiledQuery | ExecutionResult;

export function compiledExecutor(schema: GraphQLSchema): GatewayInterface {
  const executable = withDefaultResolvers(schema);
  // Apollo hands the same parsed document for the same query text (its document cache), so
  // a document's compilations live as long as it does.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) byName.set(key, (query = compileQuery(executable, document, operationName ?? undefined)));
    return query;
  };
  const executor: GatewayExecutor = async ({ document, operation, operationName, context, request }) => {
    // No operation resolved (an unknown name, or several without one): Apollo answers 400
    // with the first error, worded as graphql-js words it.
    if (!operation) return { errors: [new GraphQLError(request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.')] };
    const query = compile(document, operationName);
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, request.variables ?? {});
    if (!result.errors?.length) return result;
    if (result.data === undefined) {
      // graphql-jit refused the variables. graphql-js is the reference: its errors point at
      // the variable's definition, which is how Apollo knows them as BAD_USER_INPUT (and we
      // translate them); and where it accepts what graphql-jit does not (an input object's
      // field left to its default), the operation runs through graphql-js instead.
      const coerced = getVariableValues(executable, operation.variableDefinitions ?? [], request.variables ?? {});
      if (coerced.errors) return { errors: coerced.errors };
      return execute({ schema: executable, document, operationName: request.operationName, contextValue: context, variableValues: request.variables }) as Promise<ExecutionResult>;
    }
    return { ...result, errors: result.errors.map(asGraphQLError) };
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: executable, coreSupergraphSdl: printSchema(executable) });
      return () => undefined;
    },
    async stop() {},
  };
}
