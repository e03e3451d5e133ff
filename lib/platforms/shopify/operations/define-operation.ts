// A GraphQL document the app sends, with what Shopify charges for it and the schema of its data.
// operations.test.ts validates every operation in this folder against the real Admin 2026-10 schema.
import type { z } from "zod";

export interface ShopifyOperation<TData> {
  readonly kind: "shopify-operation";
  /** The operation's name in `document`. */
  readonly name: string;
  readonly document: string;
  /** Shopify's requestedQueryCost for `document`; checked against the cost calculation in the test. */
  readonly estimatedCost: number;
  readonly data: z.ZodType<TData>;
}

export type OperationData<O> = O extends ShopifyOperation<infer T> ? T : never;

export function defineOperation<TData>(operation: Omit<ShopifyOperation<TData>, "kind">): ShopifyOperation<TData> {
  return { kind: "shopify-operation", ...operation };
}

export function isShopifyOperation(value: unknown): value is ShopifyOperation<unknown> {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "shopify-operation";
}
