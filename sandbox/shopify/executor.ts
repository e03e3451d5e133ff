// Executes a validated document against the real schema with the sandbox's resolvers.
import { executeSync, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { fieldResolver, typeResolver, type GqlContext } from "./gql-context";
import { mutationRoot } from "./mutation-root";
import { queryRoot } from "./query-root";
import { withScopes } from "./scopes";

export function runQuery(options: { schema: GraphQLSchema; document: DocumentNode; g: GqlContext; variables?: Record<string, unknown> | null; operationName?: string | null }): ExecutionResult {
  const { schema, document, g } = options;
  const op = getOperationAST(document, options.operationName ?? undefined);
  const rootValue = withScopes(op?.operation === "mutation" ? mutationRoot(g, schema) : queryRoot(g), g.scope);
  return executeSync({ schema, document, rootValue, contextValue: g, variableValues: options.variables ?? undefined, operationName: options.operationName ?? undefined, fieldResolver, typeResolver });
}
