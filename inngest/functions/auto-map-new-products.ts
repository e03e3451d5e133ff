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
    // A seller listing 50 products sends 50 webhooks: one run after the burst maps them all. No
    // throttle: the debounce already allows at most one run per shop per burst, and the run reads
    // only Ferry's own catalog cache, never the platforms.
    debounce: { key: "event.data.tiktokConnectionId", period: "10s", timeout: "2m" },
    concurrency: { key: "event.data.tiktokConnectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, tiktokConnectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "mapping.auto_map_failed",
        what: "Auto-mapping new products",
        next: 'It runs again when the next new product arrives or after the next import; meanwhile map them under "Unmapped Products".',
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: tiktokConnectionId,
      });
    },
  },
  async ({ event, step }) => step.run("auto-map", () => autoMapNewProducts({ organizationId: event.data.organizationId, tiktokConnectionId: event.data.tiktokConnectionId })),
);
