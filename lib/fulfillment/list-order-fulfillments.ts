import { z } from "zod";
import { db } from "../db";
import { notFound } from "../errors";

export const listOrderFulfillmentsSchema = z.object({
  tiktokConnectionId: z.string().regex(/^[a-z0-9]{20,40}$/, "a TikTok shop connection id"),
  orderIds: z
    .string()
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(/^\d{1,30}$/, "TikTok order ids are digits")).min(1, "name at least one TikTok order id").max(100, "at most 100 orders at once")),
});

const STATE_LABEL = { SENDING: "Sending", TRACKING_SENT: "Tracking sent", FAILED: "Needs attention", SKIPPED: "Nothing to send" } as const;

/**
 * Fulfillment state per TikTok order, for the Orders page: each Shopify fulfillment with the state
 * Ferry reached, the tracking and provider TikTok has, TikTok's status and the reason when it needs a
 * person. Orders with nothing sent come back with an empty list. Another tenant's shop is a 404.
 */
export async function listOrderFulfillments({ organizationId, tiktokConnectionId, orderIds }: { organizationId: string; tiktokConnectionId: string; orderIds: string[] }) {
  const shop = await db().connection.findFirst({ where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { id: true } });
  if (!shop) throw notFound("TikTok shop not found.");
  const rows = await db().orderFulfillment.findMany({
    where: { organizationId, tiktokConnectionId: shop.id, tiktokOrderId: { in: orderIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    orders: orderIds.map((tiktokOrderId) => ({
      tiktokOrderId,
      fulfillments: rows
        .filter((r) => r.tiktokOrderId === tiktokOrderId)
        .map((r) => ({
          id: r.id,
          state: r.status,
          stateLabel: STATE_LABEL[r.status],
          shopifyOrderId: r.shopifyOrderId,
          shopifyFulfillmentId: r.shopifyFulfillmentId,
          trackingNumber: r.trackingNumber,
          trackingCompany: r.trackingCompany,
          shippingProvider: r.shippingProviderId ? { id: r.shippingProviderId, name: r.shippingProviderName } : null,
          tiktokPackageId: r.tiktokPackageId,
          tiktokStatus: r.tiktokStatus,
          tiktokStatusAt: r.tiktokStatusAt,
          shippedAt: r.shippedAt,
          trackingUpdatedAt: r.trackingUpdatedAt,
          lastError: r.lastError,
          updatedAt: r.updatedAt,
        })),
    })),
  };
}
