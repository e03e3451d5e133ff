import { cron } from "inngest";
import { listStoresToReconcile } from "@/lib/catalog/list-stores-to-reconcile";
import { inngest } from "../client";
import { logScheduledFailure } from "../log-scheduled-failure";
import { catalogImportRequested } from "../events";

/** Every six hours: reconcile each connected catalog, catching whatever webhooks missed. */
export const reconcileCatalogsFn = inngest.createFunction(
  { id: "reconcile-catalogs", name: "Reconcile catalogs", triggers: [cron("TZ=UTC 40 */6 * * *")], retries: 2, onFailure: logScheduledFailure("reconcile-catalogs") },
  async ({ step, runId }) => {
    const connections = await step.run("list-stores", () => listStoresToReconcile());
    if (connections.length === 0) return { queued: 0 };
    await step.sendEvent(
      "queue",
      connections.map((c) =>
        catalogImportRequested.create({ organizationId: c.organizationId, connectionId: c.id, kind: "reconcile", requestedBy: "schedule" }, { id: `reconcile-${runId}-${c.id}` }),
      ),
    );
    return { queued: connections.length };
  },
);
