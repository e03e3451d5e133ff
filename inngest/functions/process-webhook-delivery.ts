import { log } from "@/lib/log";
import { processDelivery } from "@/lib/webhooks/process-delivery";
import { recordDeliveryFailure } from "@/lib/webhooks/record-delivery-failure";
import { inngest } from "../client";
import { tiktokOrderEventId } from "@/lib/orders/tiktok-order-event-id";
import { catalogChanged, newTikTokProductsArrived, shopifyFulfillmentChanged, shopifyProductChanged, tiktokOrderChanged, webhookReceived } from "../events";

/** Does what a verified webhook asks, one delivery at a time per store. */
export const processWebhookDeliveryFn = inngest.createFunction(
  {
    id: "process-webhook-delivery",
    name: "Process webhook delivery",
    triggers: [webhookReceived],
    // Keyed by the shop (the platform's store id: one connection per platform and shop, and a
    // delivery for a shop no one has connected still has one). Concurrency: one store's burst of
    // deliveries cannot hold up everyone else's.
    concurrency: { key: "event.data.shop", limit: 2 },
    // A bulk edit of thousands of products sends thousands of deliveries, each re-reading a product:
    // started at up to 10 a second per store (queued, never dropped), well inside either platform's
    // per-shop quota, so the store's own API calls keep room.
    throttle: { key: "event.data.shop", limit: 600, period: "1m", burst: 100 },
    retries: 5,
    onFailure: async ({ event, error }) => {
      const { organizationId, deliveryId, platform, topic } = event.data.event.data;
      // A shop no organization has connected (a privacy request after removal): no one to tell.
      if (!organizationId) return log.error("webhook delivery failed", { deliveryId, platform, topic, failedRunId: event.data.run_id, error: error.message.slice(0, 500) });
      await recordDeliveryFailure({ organizationId, deliveryId, error, runId: event.data.run_id });
    },
  },
  async ({ event, step }) => {
    const { organizationId, deliveryId } = event.data;
    const outcome = await step.run("process", () => processDelivery({ organizationId: organizationId ?? null, deliveryId }));
    if (outcome.handled && outcome.newProductsIn) {
      // The delivery id makes the event id: a replayed step sends nothing new.
      await step.sendEvent("auto-map-new-products", newTikTokProductsArrived.create(outcome.newProductsIn, { id: `auto-map-${deliveryId}` }));
    }
    if (outcome.handled && outcome.shopifyProductChanged) {
      await step.sendEvent("follow-shopify-product", shopifyProductChanged.create(outcome.shopifyProductChanged, { id: `follow-${event.data.deliveryId}` }));
    }
    if (outcome.handled && outcome.shopifyFulfillmentChanged) {
      await step.sendEvent("sync-fulfillment", shopifyFulfillmentChanged.create(outcome.shopifyFulfillmentChanged, { id: `fulfillment-${deliveryId}` }));
    }
    if (outcome.handled && outcome.tiktokOrderChanged) {
      const { updateTime, ...order } = outcome.tiktokOrderChanged;
      // The same id as the poll's event for this change: whichever comes first is kept.
      await step.sendEvent("import-order", tiktokOrderChanged.create({ ...order, source: "webhook" }, { id: tiktokOrderEventId({ ...order, updateTime }) }));
    }
    if (outcome.handled && outcome.catalogChanged) {
      await step.sendEvent("detect-mapping-conflicts", catalogChanged.create(outcome.catalogChanged, { id: `conflicts-${deliveryId}` }));
    }
    return outcome;
  },
);
