import { recordActivity } from "../activity/record-activity";
import { recordAudit } from "../audit/record-audit";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { AppError } from "../errors";
import { getConnectionOrThrow } from "./get-connection";

export interface PairTikTokShopOptions {
  org: OrgContext;
  connectionId: string;
  shopifyConnectionId: string;
}

/** Pairs a TikTok shop with one Shopify store of the same organization. */
export async function pairTikTokShop({ org, connectionId, shopifyConnectionId }: PairTikTokShopOptions) {
  const tiktok = await getConnectionOrThrow({ organizationId: org.organizationId, connectionId });
  if (tiktok.platform !== "TIKTOK") throw new AppError("BAD_REQUEST", "Only a TikTok shop is paired with a Shopify store.");
  const shopify = await getConnectionOrThrow({ organizationId: org.organizationId, connectionId: shopifyConnectionId });
  if (shopify.platform !== "SHOPIFY") throw new AppError("BAD_REQUEST", "Choose a Shopify store to pair with.");
  if (shopify.status !== "ACTIVE") throw new AppError("CONFLICT", `${shopify.name} is not connected. Re-authorize it first.`);
  const updated = await db().connection.update({
    where: { id: tiktok.id },
    data: { pairedShopifyId: shopify.id },
    select: { id: true, name: true, pairedShopifyId: true },
  });
  if (tiktok.pairedShopifyId !== shopify.id) {
    await recordAudit({ organizationId: org.organizationId, actorUserId: org.userId, action: "connection.paired", target: { type: "connection", id: tiktok.id }, summary: `Paired ${tiktok.name} with ${shopify.name}.` });
    await recordActivity({
      organizationId: org.organizationId,
      type: "connections.paired",
      level: "INFO",
      message: `${tiktok.name} (TikTok Shop) is now paired with ${shopify.name} (Shopify).`,
      subjectType: "connection",
      subjectId: tiktok.id,
    });
  }
  return updated;
}
