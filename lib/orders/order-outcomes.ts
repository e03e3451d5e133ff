// What the merchant is told about an order: its state and reason, the timeline, Activity, and a
// notification when a person has to act. No buyer data in any of them.
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { raiseNotification } from "../notifications/raise-notification";
import { recordOrderEvent } from "./record-order-event";

interface OrderRow {
  id: string;
  organizationId: string;
  tiktokConnectionId: string;
  tiktokOrderId: string;
  state: string;
  stateReason: string | null;
}

export async function markNeedsAttention(options: { row: OrderRow; reason: string; missingSkuIds?: string[]; notify: boolean; skus?: { skuId: string; sellerSku: string }[] }) {
  const { row, reason } = options;
  const changed = row.state !== "NEEDS_ATTENTION" || row.stateReason !== reason;
  await db().tikTokOrder.update({ where: { id: row.id }, data: { state: "NEEDS_ATTENTION", stateReason: reason, lastError: reason, missingSkuIds: options.missingSkuIds ?? [] } });
  if (!changed) return;
  await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "needs-attention", message: reason });
  await recordActivity({
    organizationId: row.organizationId,
    type: "orders.needs_attention",
    level: "WARNING",
    message: `TikTok order ${row.tiktokOrderId} was not created in Shopify: ${reason}`,
    subjectType: "order",
    subjectId: row.id,
    connectionId: row.tiktokConnectionId,
  });
  if (!options.notify) return;
  const { slug } = await db().organization.findUniqueOrThrow({ where: { id: row.organizationId }, select: { slug: true } });
  // One notification per unmapped SKU (many orders may wait on it), otherwise one per order and reason.
  const skus = options.skus ?? [];
  await raiseNotification({
    organizationId: row.organizationId,
    kind: "orders.needs_attention",
    level: "WARNING",
    title: skus.length ? "TikTok orders wait for a mapping" : "A TikTok order needs attention",
    body: skus.length ? `Orders with ${skus.map((s) => s.sellerSku || s.skuId).join(", ")} are created in Shopify once the SKU is mapped.` : `TikTok order ${row.tiktokOrderId}: ${reason}`,
    href: `/${slug}/orders?state=NEEDS_ATTENTION`,
    dedupeKey: skus.length ? `orders-unmapped-${row.tiktokConnectionId}-${skus.map((s) => s.skuId).sort().join(",")}` : `order-attention-${row.id}-${hash(reason)}`,
  });
}

export async function noteOrderImported(options: { row: OrderRow; shopifyOrderName: string; held: boolean; adopted: boolean }) {
  const { row, shopifyOrderName, held, adopted } = options;
  const message = adopted
    ? `Linked to Shopify order ${shopifyOrderName}, which an earlier attempt had created.`
    : held
      ? `Created Shopify order ${shopifyOrderName} during TikTok's hold.`
      : `Created Shopify order ${shopifyOrderName}.`;
  await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: adopted ? "adopted" : held ? "held" : "created", message });
  await recordActivity({
    organizationId: row.organizationId,
    type: "orders.imported",
    level: "SUCCESS",
    message: `TikTok order ${row.tiktokOrderId} → Shopify order ${shopifyOrderName}.`,
    subjectType: "order",
    subjectId: row.id,
    connectionId: row.tiktokConnectionId,
  });
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
