import { withShopifyClient } from "../connections/shopify-session";
import { db } from "../db";
import { TIKTOK_ORDER_TAG } from "../orders/shopify-order-source";
import { numericShopifyId } from "./shopify-ids";

/** How far back the backstop looks each run: wider than its schedule, so a slow or failed run misses nothing. */
export const RECONCILE_LOOKBACK_MS = 6 * 3600_000;
const MAX_PAGES = 40;

export interface MissedFulfillment {
  shopifyOrderId: string;
  shopifyFulfillmentId: string;
  trackingNumber: string;
}

/**
 * The backstop for dropped fulfillments/create and fulfillments/update webhooks: the store's TikTok-tagged
 * orders updated within the lookback, and the fulfillments among them whose current tracking Ferry has
 * not recorded (no row, a row still claimed, or a row with other tracking). A fulfillment that needs a
 * person (FAILED) is left to its Retry and to the next webhook.
 */
export async function findMissedFulfillments({ organizationId, shopifyConnectionId, now = new Date() }: { organizationId: string; shopifyConnectionId: string; now?: Date }): Promise<MissedFulfillment[]> {
  const store = await db().connection.findFirst({
    where: { id: shopifyConnectionId, organizationId, platform: "SHOPIFY", status: "ACTIVE" },
    select: { id: true, credentialId: true, externalId: true },
  });
  if (!store) return [];
  const since = new Date(now.getTime() - RECONCILE_LOOKBACK_MS).toISOString();
  const query = `tag:${TIKTOK_ORDER_TAG} updated_at:>='${since}'`;
  const seen: MissedFulfillment[] = [];
  await withShopifyClient({ credentialId: store.credentialId, shop: store.externalId }, async (client) => {
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const orders = await client.fulfilledOrdersPage({ query, after });
      for (const order of orders.nodes) {
        for (const f of order.fulfillments) {
          const number = f.trackingInfo[0]?.number?.trim();
          if (f.status === "SUCCESS" && number) seen.push({ shopifyOrderId: numericShopifyId(order.id), shopifyFulfillmentId: numericShopifyId(f.id), trackingNumber: number });
        }
      }
      if (!orders.pageInfo.hasNextPage || !orders.pageInfo.endCursor) break;
      after = orders.pageInfo.endCursor;
    }
  });
  if (seen.length === 0) return [];
  const rows = await db().orderFulfillment.findMany({
    where: { organizationId, shopifyConnectionId: store.id, shopifyFulfillmentId: { in: seen.map((s) => s.shopifyFulfillmentId) } },
    select: { shopifyFulfillmentId: true, status: true, trackingNumber: true },
  });
  return seen.filter((s) => {
    const row = rows.find((r) => r.shopifyFulfillmentId === s.shopifyFulfillmentId);
    if (!row) return true;
    if (row.status === "FAILED") return false;
    return row.status === "SENDING" || row.trackingNumber !== s.trackingNumber;
  });
}

/** The store's active TikTok shops, whose shipped orders' statuses the backstop refreshes. */
export async function pairedTikTokShops({ organizationId, shopifyConnectionId }: { organizationId: string; shopifyConnectionId: string }): Promise<string[]> {
  const shops = await db().connection.findMany({ where: { organizationId, platform: "TIKTOK", status: "ACTIVE", pairedShopifyId: shopifyConnectionId }, select: { id: true }, orderBy: { id: "asc" } });
  return shops.map((s) => s.id);
}

/** Every active Shopify store paired with an active TikTok shop: the stores the backstop looks at. */
export async function storesWithFulfillmentSync(): Promise<{ organizationId: string; shopifyConnectionId: string }[]> {
  const stores = await db().connection.findMany({
    where: { platform: "SHOPIFY", status: "ACTIVE", pairedTikTok: { some: { status: "ACTIVE" } } },
    select: { id: true, organizationId: true },
    orderBy: { id: "asc" },
  });
  return stores.map((s) => ({ organizationId: s.organizationId, shopifyConnectionId: s.id }));
}
