import { z } from "zod";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import type { WebhookDelivery } from "../generated/prisma/client.ts";
import { log } from "../log";
import type { DeliveryOutcome } from "./process-delivery";

// Shopify's mandatory privacy webhooks. Ferry keeps personal data only on order rows (none exist
// before order sync), so a customer request finds nothing to report or erase today; shop/redact
// erases everything held for the shop. Each outcome is logged, without the customer's details: in the
// shop's Activity when Ferry knows the shop, and always as a log line, which is the only record for a
// shop that was never connected or is already erased.
const customerPayload = z.object({ body: z.object({ data_request: z.object({ id: z.number() }).partial().nullish() }).passthrough() });

export async function handlePrivacyRequest({ delivery }: { delivery: WebhookDelivery }): Promise<DeliveryOutcome> {
  const connection = await db().connection.findUnique({
    where: { platform_externalId: { platform: "SHOPIFY", externalId: delivery.shop } },
    select: { id: true, organizationId: true, name: true, credentialId: true },
  });

  if (delivery.topic === "shop/redact") {
    // Shopify sends this 48 hours after an uninstall: erase the store and everything under it.
    if (connection) {
      await db().$transaction([
        db().connection.updateMany({ where: { pairedShopifyId: connection.id }, data: { pairedShopifyId: null } }),
        db().connection.delete({ where: { id: connection.id } }),
        db().credential.deleteMany({ where: { id: connection.credentialId, connections: { none: {} } } }),
        db().webhookDelivery.deleteMany({ where: { platform: "SHOPIFY", shop: delivery.shop, id: { not: delivery.id } } }),
      ]);
      await recordActivity({
        organizationId: connection.organizationId,
        type: "privacy.shop_redacted",
        level: "WARNING",
        message: `Shopify asked to erase the data of ${delivery.shop}. Ferry erased the store's connection, tokens and stored webhooks.`,
      });
    }
    await db().webhookDelivery.update({ where: { id: delivery.id }, data: { payload: {} } });
    return logged({ delivery, connection, action: connection ? "shop data erased" : "nothing held for this shop" });
  }

  const requestId = customerPayload.safeParse(delivery.payload).data?.body.data_request?.id;
  if (connection) {
    await recordActivity({
      organizationId: connection.organizationId,
      type: delivery.topic === "customers/redact" ? "privacy.customer_redacted" : "privacy.customer_data_request",
      level: "INFO",
      message:
        delivery.topic === "customers/redact"
          ? `Shopify asked to erase a customer's data for ${delivery.shop}. Ferry holds no personal data for them; nothing to erase.`
          : `Shopify forwarded a customer's data request${requestId ? ` (request ${requestId})` : ""} for ${delivery.shop}. Ferry holds no personal data for them.`,
    });
  }
  // The request itself names the customer: keep no copy of it.
  await db().webhookDelivery.update({ where: { id: delivery.id }, data: { payload: {} } });
  return logged({ delivery, connection, action: connection ? "no personal data held" : "nothing held for this shop" });
}

/** The outcome, as the job's result and as a log line (topic, shop and delivery only: no customer). */
function logged({ delivery, connection, action }: { delivery: WebhookDelivery; connection: { organizationId: string } | null; action: string }): DeliveryOutcome {
  log.info("privacy request handled", {
    topic: delivery.topic,
    shop: delivery.shop,
    deliveryId: delivery.deliveryId,
    organizationId: connection?.organizationId ?? null,
    outcome: action,
  });
  return { handled: true, action };
}
