import { cron } from "inngest";
import { shopsWithAutoSync } from "@/lib/product-sync/shops-with-auto-sync";
import { inngest } from "../client";
import { productSyncShopRequested } from "../events";

/** Every six hours (after the catalog reconciliation): find and fix drift on every shop with auto-sync on. */
export const reconcileProductSyncFn = inngest.createFunction(
  { id: "reconcile-product-sync", name: "Reconcile product sync", triggers: [cron("TZ=UTC 10 1,7,13,19 * * *")], retries: 2 },
  async ({ step, runId }) => {
    const shops = await step.run("list-shops", () => shopsWithAutoSync());
    if (shops.length === 0) return { queued: 0 };
    await step.sendEvent(
      "queue",
      shops.map((s) => productSyncShopRequested.create({ organizationId: s.organizationId, tiktokConnectionId: s.tiktokConnectionId, reason: "reconcile" }, { id: `sync-reconcile-${runId}-${s.tiktokConnectionId}` })),
    );
    return { queued: shops.length };
  },
);
