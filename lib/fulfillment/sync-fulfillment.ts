import { withShopifyClient } from "../connections/shopify-session";
import { db } from "../db";
import { log } from "../log";
import { readTikTokSource } from "../orders/shopify-order-source";
import type { OrderFulfillmentData } from "../platforms/shopify/operations/order-fulfillment";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { mappedTikTokSkuIds } from "./mapped-sku-ids";
import { planShipment, type PlanLineItem } from "./plan-shipment";
import { markFulfillmentFailed, recordFulfillmentActivity, type FulfillmentRowRef } from "./record-fulfillment-outcome";
import { resolveCarrier } from "./resolve-carrier";
import { numericShopifyId, shopifyGid } from "./shopify-ids";
import type { TikTokFulfillmentOrder } from "./tiktok/endpoints";
import {
  markTikTokItemsShipped,
  readTikTokOrder,
  shipTikTokPackage,
  shippingProvidersOf,
  updateTikTokPackageTracking,
  defaultShippingProviders,
  type FulfillmentShop,
} from "./tiktok/fulfillment-api";
import { trackingCorrectionRefusal } from "./tracking-refusals";

export interface SyncFulfillmentInput {
  organizationId: string;
  shopifyConnectionId: string;
  /** Numeric ids or gids. */
  shopifyOrderId: string;
  shopifyFulfillmentId: string;
}

export type SyncFulfillmentOutcome =
  /** Nothing for Ferry to do (not an order Ferry created, gone, cancelled): the reason is logged. */
  | { result: "ignored"; reason: string }
  /** The order names a TikTok shop this organization may not ship for: nothing was read or written there. */
  | { result: "refused"; reason: string }
  | { result: "sent" | "updated" | "unchanged" | "skipped" | "failed"; fulfillmentId: string; tiktokOrderId: string; reason?: string };

type ShopifyFulfillment = NonNullable<OrderFulfillmentData["fulfillment"]>;

const SHOP_STATE: Record<string, string> = {
  ACTIVE: "has no shop cipher",
  NEEDS_REAUTH: "needs to be re-authorized on TikTok",
  DISCONNECTED: "is disconnected",
  UNINSTALLED: "was removed from TikTok",
};

/**
 * A Shopify fulfillment (created or updated) of an order Ferry created from a TikTok order: its
 * tracking goes to TikTok once. The first time the package is shipped (split by line items where
 * the market allows); a changed tracking number or carrier is corrected within TikTok's window; the
 * same fulfillment seen again changes nothing. Safe to run twice, and after a crash at any point:
 * the TikTok order is read before shipping, so a shipment that landed is recorded, not repeated.
 */
export async function syncFulfillment(input: SyncFulfillmentInput): Promise<SyncFulfillmentOutcome> {
  const { organizationId } = input;
  const shopifyOrderId = numericShopifyId(input.shopifyOrderId);
  const shopifyFulfillmentId = numericShopifyId(input.shopifyFulfillmentId);
  const ignore = (reason: string): SyncFulfillmentOutcome => {
    log.info("fulfillment ignored", { organizationId, shopifyConnectionId: input.shopifyConnectionId, shopifyOrderId, shopifyFulfillmentId, reason });
    return { result: "ignored", reason };
  };

  const shopify = await db().connection.findFirst({
    where: { id: input.shopifyConnectionId, organizationId, platform: "SHOPIFY" },
    select: { id: true, externalId: true, credentialId: true, status: true },
  });
  if (!shopify) return ignore("no such Shopify store in this organization");
  if (shopify.status !== "ACTIVE") return ignore(`the Shopify store is ${shopify.status.toLowerCase()}`);

  const data = await withShopifyClient({ credentialId: shopify.credentialId, shop: shopify.externalId }, (client) =>
    client.orderFulfillment({ orderId: shopifyGid("Order", shopifyOrderId), fulfillmentId: shopifyGid("Fulfillment", shopifyFulfillmentId) }),
  );
  const { order, fulfillment } = data;
  if (!order) return ignore("the Shopify order no longer exists");
  if (!fulfillment || numericShopifyId(fulfillment.order.id) !== shopifyOrderId) return ignore("the fulfillment is not one of this order's");
  const source = readTikTokSource(order);
  if (!source) return ignore(`Shopify order ${order.name} was not created by Ferry from a TikTok order`);

  const tiktok = await db().connection.findFirst({
    where: { platform: "TIKTOK", externalId: source.tiktokShopId },
    select: { id: true, organizationId: true, name: true, region: true, credentialId: true, shopCipher: true, status: true, pairedShopifyId: true },
  });
  if (!tiktok) return ignore(`TikTok shop ${source.tiktokShopId} is not connected to Ferry`);
  if (tiktok.organizationId !== organizationId || tiktok.pairedShopifyId !== shopify.id) {
    // Another organization's shop, or one of ours paired with another store: never ship for it.
    const reason = tiktok.organizationId !== organizationId ? "the TikTok shop belongs to another organization" : "the TikTok shop is paired with another Shopify store";
    log.warn("fulfillment refused", { organizationId, shopifyConnectionId: shopify.id, shopifyOrderId, shopifyFulfillmentId, reason });
    return { result: "refused", reason };
  }
  if (fulfillment.status !== "SUCCESS") return ignore(`the fulfillment is ${fulfillment.status.toLowerCase()}`);

  const key = { organizationId, tiktokConnectionId: tiktok.id, tiktokOrderId: source.tiktokOrderId, shopifyFulfillmentId };
  const row = await db().orderFulfillment.upsert({
    where: { organizationId_tiktokConnectionId_tiktokOrderId_shopifyFulfillmentId: key },
    create: { ...key, shopifyConnectionId: shopify.id, shopifyOrderId, attempts: 1 },
    update: { attempts: { increment: 1 } },
  });
  const ref: FulfillmentRowRef = { id: row.id, organizationId, tiktokConnectionId: tiktok.id, tiktokOrderId: source.tiktokOrderId };
  const done = (result: "sent" | "updated" | "unchanged" | "skipped" | "failed", reason?: string): SyncFulfillmentOutcome => ({ result, fulfillmentId: row.id, tiktokOrderId: source.tiktokOrderId, ...(reason ? { reason } : {}) });
  const fail = async (reason: string) => {
    await markFulfillmentFailed(ref, reason);
    return done("failed", reason);
  };

  const tracking = fulfillment.trackingInfo.find((t) => t.number?.trim());
  const trackingNumber = tracking?.number?.trim() ?? "";
  const company = tracking?.company?.trim() ?? "";
  if (!trackingNumber) return fail(`Shopify order ${order.name} was fulfilled without a tracking number, and TikTok needs one. Add the tracking in Shopify.`);
  if (tiktok.status !== "ACTIVE" || !tiktok.shopCipher) return fail(`${tiktok.name} ${SHOP_STATE[tiktok.status]}. Reconnect it under Connections, then Retry.`);
  const shop: FulfillmentShop = { connectionId: tiktok.id, credentialId: tiktok.credentialId, shopCipher: tiktok.shopCipher };

  const tiktokOrder = await readTikTokOrder(shop, source.tiktokOrderId);
  if (!tiktokOrder) return fail(`${tiktok.name} has no TikTok order ${source.tiktokOrderId} (named by Shopify order ${order.name}).`);
  const providers = tiktokOrder.delivery_option_id ? await shippingProvidersOf(shop, tiktokOrder.delivery_option_id) : await defaultShippingProviders(shop);
  const carrier = await resolveCarrier({ organizationId, tiktokConnectionId: tiktok.id, company, providers });
  if (!carrier.ok) return fail(carrier.reason);
  const sent = { trackingNumber, shippingProviderId: carrier.providerId };
  const fields = { trackingNumber, trackingCompany: company || null, shippingProviderId: carrier.providerId, shippingProviderName: carrier.providerName, providerSource: carrier.source };

  // Shipped by Ferry already: the same tracking is nothing to do; another one is a correction.
  if (row.tiktokPackageId) {
    if (row.trackingNumber === trackingNumber && row.shippingProviderId === carrier.providerId) {
      if (row.status !== "TRACKING_SENT") await db().orderFulfillment.update({ where: { id: row.id }, data: { status: "TRACKING_SENT", lastError: null } });
      return done("unchanged");
    }
    return correctTracking({ shop, ref, packageId: row.tiktokPackageId, tiktokOrder, sent, fields, done, fail, previous: row.trackingNumber });
  }

  // Shipped with this tracking already (a step that shipped, then stopped before recording it), in a
  // package no other fulfillment of the order has recorded (two fulfillments may share a tracking number).
  const claimed = await db().orderFulfillment.findMany({
    where: { organizationId, tiktokConnectionId: tiktok.id, tiktokOrderId: source.tiktokOrderId, id: { not: row.id }, tiktokPackageId: { not: null } },
    select: { tiktokPackageId: true },
  });
  const taken = new Set(claimed.map((c) => c.tiktokPackageId));
  const landed = tiktokOrder.line_items.filter((li) => li.tracking_number === trackingNumber && li.package_id && !taken.has(li.package_id));
  if (landed.length > 0) {
    await recordShipped({ ref, packageId: landed[0]!.package_id!, lineItemIds: landed.map((li) => li.id), fields, shop });
    await recordFulfillmentActivity(ref, `Tracking ${trackingNumber} (${carrier.providerName}) is on TikTok for order ${source.tiktokOrderId} (sent by an attempt that stopped before recording it).`);
    return done("sent");
  }
  if (tiktokOrder.status === "CANCELLED") return fail(`TikTok order ${source.tiktokOrderId} was cancelled on TikTok; its tracking cannot be sent.`);

  const plan = planShipment({
    region: tiktok.region ?? "",
    lineItems: tiktokOrder.line_items.map(toPlanItem),
    fulfilled: await fulfilledLines({ organizationId, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id, fulfillment }),
    orderFullyFulfilled: order.lineItems.nodes.every((li) => li.unfulfilledQuantity === 0),
  });
  if (plan.kind === "unmatched") return fail(plan.reason);
  if (plan.kind === "nothing-left") {
    const reason = `Every item of TikTok order ${source.tiktokOrderId} was shipped already (in this market TikTok ships an order as one package).`;
    await db().orderFulfillment.update({ where: { id: row.id }, data: { ...fields, status: "SKIPPED", lastError: reason } });
    await recordFulfillmentActivity(ref, `Tracking ${trackingNumber} for TikTok order ${source.tiktokOrderId} was not sent: ${reason}`, "INFO");
    return done("skipped", reason);
  }
  let packageId: string;
  try {
    if (plan.kind === "package") {
      await shipTikTokPackage(shop, plan.packageId, sent);
      packageId = plan.packageId;
    } else {
      packageId = await markTikTokItemsShipped(shop, source.tiktokOrderId, plan.lineItemIds, sent);
    }
  } catch (error) {
    if (isTikTokApiError(error) && error.userFixable) return fail(`TikTok refused tracking ${trackingNumber} (${carrier.providerName}): ${error.platformMessage}`);
    throw error;
  }
  await recordShipped({ ref, packageId, lineItemIds: plan.split ? plan.lineItemIds : [], fields, shop });
  await recordFulfillmentActivity(ref, `Tracking ${trackingNumber} (${carrier.providerName}) sent to TikTok for order ${source.tiktokOrderId}${plan.split ? ` (${plan.lineItemIds.length} of its items)` : ""}.`);
  return done("sent");
}

function toPlanItem(li: TikTokFulfillmentOrder["line_items"][number]): PlanLineItem {
  const status = li.package_status ?? "";
  return { id: li.id, skuId: li.sku_id, sellerSku: li.seller_sku ?? null, packageId: li.package_id || null, shipped: Boolean(li.tracking_number) || (status !== "" && status !== "TO_FULFILL") };
}

async function fulfilledLines({ organizationId, tiktokConnectionId, shopifyConnectionId, fulfillment }: { organizationId: string; tiktokConnectionId: string; shopifyConnectionId: string; fulfillment: ShopifyFulfillment }) {
  const lines = fulfillment.fulfillmentLineItems.nodes;
  const variantIds = lines.map((l) => (l.lineItem.variant ? numericShopifyId(l.lineItem.variant.id) : null)).filter((id): id is string => !!id);
  const skuIdsByVariant = await mappedTikTokSkuIds({ organizationId, tiktokConnectionId, shopifyConnectionId, variantIds });
  return lines.map((l) => ({
    quantity: l.quantity,
    sku: l.lineItem.sku ?? null,
    mappedSkuIds: l.lineItem.variant ? (skuIdsByVariant.get(numericShopifyId(l.lineItem.variant.id)) ?? []) : [],
  }));
}

/** The package is shipped with our tracking: record it, with the TikTok status that follows. */
async function recordShipped({ ref, packageId, lineItemIds, fields, shop }: { ref: FulfillmentRowRef; packageId: string; lineItemIds: string[]; fields: Record<string, unknown>; shop: FulfillmentShop }) {
  const after = await readTikTokOrder(shop, ref.tiktokOrderId);
  await db().orderFulfillment.update({
    where: { id: ref.id },
    data: { ...fields, status: "TRACKING_SENT", lastError: null, tiktokPackageId: packageId, tiktokLineItemIds: lineItemIds, shippedAt: new Date(), tiktokStatus: after?.status ?? null, tiktokStatusAt: after ? (after.update_time ? new Date(after.update_time * 1000) : new Date()) : null },
  });
}

async function correctTracking({ shop, ref, packageId, tiktokOrder, sent, fields, done, fail, previous }: {
  shop: FulfillmentShop;
  ref: FulfillmentRowRef;
  packageId: string;
  tiktokOrder: TikTokFulfillmentOrder;
  sent: { trackingNumber: string; shippingProviderId: string };
  fields: Record<string, unknown>;
  done: (result: "updated") => SyncFulfillmentOutcome;
  fail: (reason: string) => Promise<SyncFulfillmentOutcome>;
  previous: string | null;
}): Promise<SyncFulfillmentOutcome> {
  const onTikTok = tiktokOrder.line_items.find((li) => li.package_id === packageId);
  const landed = onTikTok?.tracking_number === sent.trackingNumber && onTikTok?.shipping_provider_id === sent.shippingProviderId;
  if (!landed) {
    try {
      await updateTikTokPackageTracking(shop, packageId, sent);
    } catch (error) {
      if (!isTikTokApiError(error) || !error.userFixable) throw error;
      return fail(trackingCorrectionRefusal({ code: error.code, platformMessage: error.platformMessage, from: previous, to: sent.trackingNumber }));
    }
  }
  await db().orderFulfillment.update({ where: { id: ref.id }, data: { ...fields, status: "TRACKING_SENT", lastError: null, trackingUpdatedAt: new Date() } });
  await recordFulfillmentActivity(ref, `Tracking for TikTok order ${ref.tiktokOrderId} corrected from ${previous ?? "none"} to ${sent.trackingNumber}.`);
  return done("updated");
}
