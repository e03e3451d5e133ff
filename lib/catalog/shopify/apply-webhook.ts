// Shopify products/update and products/delete, applied to the stored catalog. An update re-reads the
// product through the API (the webhook body may be older than what the API now says) and the write
// keeps newer data; an event older than what is stored is dropped without a call.
import { db } from "../../db";
import { withShopifyClient } from "../../connections/shopify-session";
import { gidNumber, productGid } from "./catalog-rows";
import { completeVariants, type CallCounter } from "./read-products-page";
import { getShopifyStore } from "./shopify-store";
import { markProductsDeleted, writeSnapshots } from "./write-snapshots";

export interface ApplyShopifyProductUpdateOptions {
  connectionId: string;
  /** `gid://shopify/Product/N` or `N`. */
  productId: string;
  /** The event's `updated_at`. */
  updatedAt: Date | string;
}

export type ApplyResult = { applied: true; apiCalls: number } | { applied: false; reason: "stale" | "gone"; apiCalls: number };

export async function applyShopifyProductUpdate(options: ApplyShopifyProductUpdateOptions): Promise<ApplyResult> {
  const store = await getShopifyStore(options.connectionId);
  const externalId = gidNumber(options.productId);
  const stored = await db().shopifyProduct.findUnique({
    where: { connectionId_externalId: { connectionId: store.connectionId, externalId } },
    select: { platformUpdatedAt: true },
  });
  if (stored && stored.platformUpdatedAt > new Date(options.updatedAt)) return { applied: false, reason: "stale", apiCalls: 0 };

  const counter: CallCounter = { calls: 1 };
  const snapshot = await withShopifyClient(store, async (client) => {
    const product = await client.productWithVariants(productGid(externalId));
    return product ? completeVariants({ client, product, counter }) : null;
  });
  if (!snapshot) {
    // Deleted since the event: products/delete follows, but record it now.
    await markProductsDeleted({ connectionId: store.connectionId, externalIds: [externalId], at: new Date() });
    return { applied: false, reason: "gone", apiCalls: counter.calls };
  }
  await writeSnapshots({ organizationId: store.organizationId, connectionId: store.connectionId, snapshots: [snapshot], seenAt: new Date() });
  return { applied: true, apiCalls: counter.calls };
}

export async function applyShopifyProductDelete(options: { connectionId: string; productId: string }): Promise<{ deleted: boolean }> {
  const store = await getShopifyStore(options.connectionId);
  const count = await markProductsDeleted({ connectionId: store.connectionId, externalIds: [gidNumber(options.productId)], at: new Date() });
  return { deleted: count > 0 };
}
