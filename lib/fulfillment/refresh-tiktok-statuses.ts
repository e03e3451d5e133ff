import { db } from "../db";
import { readTikTokOrders, type FulfillmentShop } from "./tiktok/fulfillment-api";

/** TikTok statuses after which nothing moves any more. */
const SETTLED = ["DELIVERED", "COMPLETED", "CANCELLED"];
export const STATUS_REFRESH_AFTER_MS = 30 * 60_000;
const BATCH = 50;

/**
 * The backstop for dropped ORDER_STATUS_CHANGE webhooks: TikTok orders Ferry shipped whose status has not
 * settled and was not updated for half an hour are read again (one Get Order Detail call for up to 50)
 * and their status recorded. Answers how many orders were read.
 */
export async function refreshTikTokStatuses({ organizationId, tiktokConnectionId, now = new Date() }: { organizationId: string; tiktokConnectionId: string; now?: Date }): Promise<number> {
  const shop = await db().connection.findFirst({
    where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK", status: "ACTIVE" },
    select: { id: true, credentialId: true, shopCipher: true },
  });
  if (!shop?.shopCipher) return 0;
  const stale = await db().orderFulfillment.findMany({
    where: {
      organizationId,
      tiktokConnectionId: shop.id,
      status: "TRACKING_SENT",
      updatedAt: { lt: new Date(now.getTime() - STATUS_REFRESH_AFTER_MS) },
      OR: [{ tiktokStatus: null }, { tiktokStatus: { notIn: SETTLED } }],
    },
    select: { tiktokOrderId: true },
    distinct: ["tiktokOrderId"],
    orderBy: { tiktokOrderId: "asc" },
    take: BATCH,
  });
  if (stale.length === 0) return 0;
  const ref: FulfillmentShop = { connectionId: shop.id, credentialId: shop.credentialId, shopCipher: shop.shopCipher };
  const orders = await readTikTokOrders(ref, stale.map((s) => s.tiktokOrderId));
  for (const { tiktokOrderId } of stale) {
    const order = orders.find((o) => o.id === tiktokOrderId);
    // An order TikTok no longer returns keeps what it had; touching updatedAt waits another half hour.
    const at = order?.update_time ? new Date(order.update_time * 1000) : now;
    await db().orderFulfillment.updateMany({
      where: { organizationId, tiktokConnectionId: shop.id, tiktokOrderId, status: "TRACKING_SENT" },
      data: order ? { tiktokStatus: order.status, tiktokStatusAt: at } : { attempts: { increment: 0 } },
    });
  }
  return stale.length;
}
