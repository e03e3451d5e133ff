import { processDelivery } from "@/lib/webhooks/process-delivery";
import { inngest } from "../client";
import { newTikTokProductsArrived, shopifyProductChanged, webhookReceived } from "../events";

/** Does what a verified webhook asks, one delivery at a time per store. */
export const processWebhookDeliveryFn = inngest.createFunction(
  {
    id: "process-webhook-delivery",
    name: "Process webhook delivery",
    triggers: [webhookReceived],
    // Per store: one store's burst of deliveries cannot hold up everyone else's.
    concurrency: { key: "event.data.shop", limit: 2 },
    retries: 5,
  },
  async ({ event, step }) => {
    const outcome = await step.run("process", () => processDelivery({ deliveryId: event.data.deliveryId }));
    if (outcome.handled && outcome.newProductsIn) {
      // The delivery id makes the event id: a replayed step sends nothing new.
      await step.sendEvent("auto-map-new-products", newTikTokProductsArrived.create(outcome.newProductsIn, { id: `auto-map-${event.data.deliveryId}` }));
    }
    if (outcome.handled && outcome.shopifyProductChanged) {
      await step.sendEvent("follow-shopify-product", shopifyProductChanged.create(outcome.shopifyProductChanged, { id: `follow-${event.data.deliveryId}` }));
    }
    return outcome;
  },
);
