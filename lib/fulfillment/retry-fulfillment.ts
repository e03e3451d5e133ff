import { inngest } from "@/inngest/client";
import { shopifyFulfillmentChanged } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { conflict, notFound } from "../errors";

/** "Retry" on a fulfillment that needs attention: it is read from Shopify again and sent. */
export async function retryFulfillment({ org, fulfillmentId }: { org: OrgContext; fulfillmentId: string }) {
  const row = await db().orderFulfillment.findFirst({
    where: { id: fulfillmentId, organizationId: org.organizationId },
    select: { id: true, status: true, shopifyConnectionId: true, shopifyOrderId: true, shopifyFulfillmentId: true },
  });
  if (!row) throw notFound("Fulfillment not found.");
  if (row.status === "TRACKING_SENT") throw conflict("The tracking is on TikTok already: there is nothing to retry.");
  await inngest.send(
    shopifyFulfillmentChanged.create({ organizationId: org.organizationId, shopifyConnectionId: row.shopifyConnectionId, shopifyOrderId: row.shopifyOrderId, shopifyFulfillmentId: row.shopifyFulfillmentId }),
  );
  return { queued: true };
}
