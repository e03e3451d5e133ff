// TikTok's cancellation (who, and their reason) as Shopify's OrderCancelReason, whose values are: CUSTOMER (the
// customer wanted to cancel), DECLINED (payment was declined), FRAUD, INVENTORY (insufficient inventory), STAFF
// (staff made an error) and OTHER. TikTok's own reason text goes into the staff note and the timeline.

export type ShopifyOrderCancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "STAFF" | "OTHER";

const INITIATORS: Record<string, string> = { BUYER: "the buyer", SELLER: "the seller", SYSTEM: "TikTok" };

/** TikTok's seller reasons that say why in Shopify's words; any other seller or system cancellation is OTHER. */
const BY_REASON: [RegExp, ShopifyOrderCancelReason][] = [
  [/out of stock|stock ?out|insufficient (stock|inventory)/i, "INVENTORY"],
  [/pricing error|wrong price|price error/i, "STAFF"],
  [/fraud|risk/i, "FRAUD"],
  [/payment (failed|declined)|declined/i, "DECLINED"],
];

export function shopifyCancelReason(options: { initiator?: string | null; reason?: string | null }): ShopifyOrderCancelReason {
  const initiator = options.initiator?.toUpperCase();
  if (initiator === "BUYER") return "CUSTOMER";
  const reason = options.reason ?? "";
  for (const [pattern, value] of BY_REASON) if (pattern.test(reason)) return value;
  // A seller cancelling at the buyer's request is still the customer's wish.
  if (/(buyer|customer) (requested|request|asked)|requested by (the )?(buyer|customer)/i.test(reason) && initiator !== "SYSTEM") return "CUSTOMER";
  return "OTHER";
}

/** "Cancelled on TikTok by the buyer (Changed my mind)", for the staff note and the timeline. */
export function describeTikTokCancellation(options: { initiator?: string | null; reason?: string | null }): string {
  const who = options.initiator ? INITIATORS[options.initiator.toUpperCase()] : undefined;
  return `Cancelled on TikTok${who ? ` by ${who}` : ""}${options.reason ? ` (${options.reason})` : ""}`;
}
