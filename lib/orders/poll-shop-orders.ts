// The polling backstop: TikTok retries a webhook only a few times, so every few minutes each shop's orders
// are searched by update_time from where the last search got to, less an overlap window (an order updated
// in the second a search ran is not missed). Each page is one job step, its cursor carried between steps.
import { z } from "zod";
import { db } from "../db";
import { withTikTokShop } from "../connections/tiktok-session";
import { ORDER_ENDPOINTS } from "./tiktok-endpoints";
import { CLAIM_LEASE_SECONDS } from "./import-tiktok-order";

export const POLL_OVERLAP_SECONDS = 10 * 60;
export const BACKFILL_DAYS = 7;
// The largest page TikTok serves: a week of a busy shop stays far below a run's step limit.
const PAGE_SIZE = 100;

export const pollCursorSchema = z.object({ from: z.number().int(), until: z.number().int(), pageToken: z.string().nullable(), seen: z.number().int() });
export type PollCursor = z.infer<typeof pollCursorSchema>;

export async function startOrderPoll(options: { organizationId: string; tiktokConnectionId: string; since?: number; nowSeconds?: number }): Promise<PollCursor | null> {
  const shop = await db().connection.findFirst({ where: { id: options.tiktokConnectionId, organizationId: options.organizationId, platform: "TIKTOK", status: "ACTIVE" }, select: { id: true } });
  if (!shop) return null;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  let from = options.since;
  if (from === undefined) {
    const state = await db().orderPollState.findUnique({ where: { tiktokConnectionId: shop.id } });
    from = state ? Math.floor(state.polledThrough.getTime() / 1000) - POLL_OVERLAP_SECONDS : now - BACKFILL_DAYS * 86_400;
  }
  return { from, until: now + 1, pageToken: null, seen: 0 };
}

/** One page of orders updated in [from, until), oldest first: their ids and update times. */
export async function pollOrderPage(options: { organizationId: string; tiktokConnectionId: string; cursor: PollCursor }) {
  const shop = await db().connection.findFirst({
    where: { id: options.tiktokConnectionId, organizationId: options.organizationId, platform: "TIKTOK", status: "ACTIVE" },
    select: { id: true, credentialId: true, shopCipher: true },
  });
  if (!shop?.shopCipher) return { orders: [], next: null };
  const { cursor } = options;
  const data = await withTikTokShop({ connectionId: shop.id, credentialId: shop.credentialId }, (client, accessToken) =>
    client.call({
      endpoint: ORDER_ENDPOINTS.searchOrders,
      accessToken,
      shopCipher: shop.shopCipher!,
      query: { page_size: PAGE_SIZE, sort_field: "update_time", sort_order: "ASC", ...(cursor.pageToken ? { page_token: cursor.pageToken } : {}) },
      body: { update_time_ge: cursor.from, update_time_lt: cursor.until },
    }),
  );
  const orders = data.orders.flatMap((o) => (typeof o.id === "string" ? [{ id: o.id, updateTime: typeof o.update_time === "number" ? o.update_time : null }] : []));
  const next: PollCursor | null = data.next_page_token ? { ...cursor, pageToken: data.next_page_token, seen: cursor.seen + orders.length } : null;
  return { orders, next };
}

export async function finishOrderPoll(options: { organizationId: string; tiktokConnectionId: string; until: number }) {
  const polledThrough = new Date(options.until * 1000);
  await db().orderPollState.upsert({
    where: { tiktokConnectionId: options.tiktokConnectionId },
    create: { tiktokConnectionId: options.tiktokConnectionId, organizationId: options.organizationId, polledThrough },
    update: { polledThrough },
  });
}

/**
 * Orders that should move without a new TikTok change: waiting on a SKU that is mapped now, stuck
 * in Waiting at a status that imports (a run died and its claim lapsed), created but without the
 * reference on TikTok, held in Shopify with a hold that failed or should have ended. Ids only.
 */
export async function ordersToRetry(options: { organizationId: string; tiktokConnectionId: string; limit?: number }): Promise<string[]> {
  const { organizationId, tiktokConnectionId } = options;
  const limit = options.limit ?? 500;
  const unblocked = await ordersUnblockedByMapping({ organizationId, tiktokConnectionId });
  const lapsed = new Date(Date.now() - CLAIM_LEASE_SECONDS * 1000);
  const stuck = await db().tikTokOrder.findMany({
    where: {
      organizationId,
      tiktokConnectionId,
      OR: [
        { state: "WAITING", tiktokStatus: { in: ["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION"] }, OR: [{ claimedAt: null }, { claimedAt: { lt: lapsed } }], updatedAt: { lt: new Date(Date.now() - 120_000) } },
        { shopifyOrderId: { not: null }, externalRefAt: null, updatedAt: { lt: new Date(Date.now() - 120_000) } },
        // Held in Shopify for TikTok's hold: a hold or release that failed, or a hold TikTok ended that is not released yet.
        { state: "HELD", OR: [{ lastError: { not: null } }, { tiktokStatus: { not: "ON_HOLD" } }], updatedAt: { lt: new Date(Date.now() - 120_000) } },
      ],
    },
    select: { tiktokOrderId: true },
    take: limit,
  });
  return [...new Set([...unblocked, ...stuck.map((s) => s.tiktokOrderId)])].slice(0, limit);
}

/** Every active TikTok shop with a paired Shopify store: the shops the scheduled poll covers. */
export async function listShopsToPoll(): Promise<{ organizationId: string; tiktokConnectionId: string }[]> {
  const shops = await db().connection.findMany({
    where: { platform: "TIKTOK", status: "ACTIVE", pairedShopifyId: { not: null } },
    select: { id: true, organizationId: true },
    orderBy: { id: "asc" },
  });
  return shops.map((s) => ({ organizationId: s.organizationId, tiktokConnectionId: s.id }));
}

/** Orders under Needs attention for unmapped SKUs whose every missing SKU has an active mapping now. */
export async function ordersUnblockedByMapping({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string }): Promise<string[]> {
  const waiting = await db().tikTokOrder.findMany({
    where: { organizationId, tiktokConnectionId, state: "NEEDS_ATTENTION", missingSkuIds: { isEmpty: false } },
    select: { tiktokOrderId: true, missingSkuIds: true },
    take: 5000,
  });
  if (waiting.length === 0) return [];
  const skuIds = [...new Set(waiting.flatMap((w) => w.missingSkuIds))];
  const mapped = new Set(
    (await db().tikTokSku.findMany({ where: { organizationId, connectionId: tiktokConnectionId, externalId: { in: skuIds }, mapping: { status: "ACTIVE" } }, select: { externalId: true } })).map((s) => s.externalId),
  );
  return waiting.filter((w) => w.missingSkuIds.every((id) => mapped.has(id))).map((w) => w.tiktokOrderId);
}
