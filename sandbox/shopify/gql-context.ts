// What every resolver receives, and the custom field resolver that turns a valid-but-unimplemented
// field into a GraphQL error naming it (never a silent null).
import { GraphQLError, type GraphQLFieldResolver, type GraphQLTypeResolver } from "graphql";
import type { SandboxContext } from "../core/platform";
import type { SearchNotice } from "./search-fields";
import type { ShopRec, ShopifyState } from "./state";

export interface GqlContext {
  ctx: SandboxContext; st: ShopifyState; shop: ShopRec; clientId: string; baseUrl: string;
  /** the token's granted scopes, comma-separated */
  scope: string;
  /** bulk operations read connections without first/last */
  bulk: boolean;
  /** side effects (webhooks) to run once the operation has finished */
  after: (() => void)[];
  /** @idempotent keys already used by this app on this shop → fingerprint of the input and the payload */
  idempotency: Map<string, { fingerprint: string; payload: unknown }>;
  /** search warnings for `extensions.search` (unknown search fields) */
  search: SearchNotice[];
}

/** A resolved object: plain values, or functions called as (args, context) like graphql's default resolver. */
export type View = { __typename: string } & Record<string, unknown>;

export const fieldResolver: GraphQLFieldResolver<unknown, GqlContext> = (source, args, context, info) => {
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    const value = (source as Record<string, unknown>)[info.fieldName];
    return typeof value === "function" ? (value as (a: unknown, c: GqlContext, i: typeof info) => unknown).call(source, args, context, info) : value;
  }
  throw new GraphQLError(`Field '${info.fieldName}' on type '${info.parentType.name}' is valid in Admin API 2026-10 but not implemented by the Ferry Shopify sandbox.`, {
    extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX", typeName: info.parentType.name, fieldName: info.fieldName },
  });
};

export const typeResolver: GraphQLTypeResolver<unknown, GqlContext> = (value, _context, info) => {
  const name = (value as { __typename?: string } | null)?.__typename;
  if (!name) throw new GraphQLError(`The sandbox cannot resolve a concrete type for ${info.parentType.name}.`);
  return name;
};

export function userError(field: string[] | null, message: string, code?: string): Record<string, unknown> {
  return code === undefined ? { field, message } : { field, message, code };
}
