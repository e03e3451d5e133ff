import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { autoMapNewProducts } from "@/lib/mapping/auto-map-new-products";
import { inngest } from "../client";
import { newTikTokProductsArrived } from "../events";

/** "Auto-map new products" for one TikTok shop, once a burst of new products has settled. */
export const autoMapNewProductsFn = inngest.createFunction(
  {
    id: "auto-map-new-products",
    name: "Auto-map new products",
    triggers: [newTikTokProductsArrived],
    // A seller listing 50 products sends 50 webhooks: one run after the burst maps them all.
    debounce: { key: "event.data.tiktokConnectionId", period: "10s", timeout: "2m" },
    concurrency: { key: "event.data.tiktokConnectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      await recordJobFailure({ organizationId: event.data.event.data.organizationId, type: "mapping.auto_map_failed", what: "Auto-mapping new products", error });
    },
  },
  async ({ event, step }) => step.run("auto-map", () => autoMapNewProducts({ organizationId: event.data.organizationId, tiktokConnectionId: event.data.tiktokConnectionId })),
);
