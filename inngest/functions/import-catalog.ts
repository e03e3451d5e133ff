import { recordActivity } from "@/lib/activity/record-activity";
import { archiveDeletedMappings, restoreRevivedMappings } from "@/lib/mapping/archive-deleted";
import { finishCatalogImport, importCatalogStep, startCatalogImport, type ImportProgress } from "@/lib/catalog/run-import";
import { db } from "@/lib/db";
import { inngest } from "../client";
import { catalogImportRequested, newTikTokProductsArrived } from "../events";

// Inngest runs at most 1,000 steps per function; a page holds 100 products (TikTok) or a chunk of
// 2,000 lines (Shopify bulk), so 900 steps cover catalogs far beyond 100,000 SKUs.
const MAX_STEPS = 900;

/** Imports one store's catalog page by page; one import at a time per store. */
export const importCatalogFn = inngest.createFunction(
  {
    id: "import-catalog",
    name: "Import catalog",
    triggers: [catalogImportRequested],
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      const running = await db().catalogImport.findFirst({ where: { connectionId, status: "RUNNING" }, orderBy: { startedAt: "desc" }, select: { id: true } });
      const connection = await db().connection.findUnique({ where: { id: connectionId }, select: { platform: true, name: true } });
      if (running && connection) await finishCatalogImport({ platform: connection.platform, importId: running.id, error: error.message });
      await recordActivity({
        organizationId,
        type: "catalog.import_failed",
        level: "ERROR",
        message: `Importing the catalog of ${connection?.name ?? "a store"} failed: ${error.message.slice(0, 300)}. Try "Import now" on Products; if it repeats, check Connections.`,
        subjectType: "connection",
        subjectId: connectionId,
      });
    },
  },
  async ({ event, step }) => {
    const { organizationId, connectionId, kind } = event.data;
    let progress: ImportProgress | null = await step.run("start", () => startCatalogImport({ connectionId, kind }));
    if (!progress) return { skipped: "store not connected" };
    const { platform, importId } = progress;
    for (let i = 0; progress && i < MAX_STEPS; i++) {
      if (progress.sleepMs > 0) await step.sleep(`wait-${i}`, progress.sleepMs);
      const current: ImportProgress = progress;
      progress = await step.run(`step-${i}`, () => importCatalogStep(current));
    }
    if (progress) throw new Error(`The catalog is larger than one import run can read (${MAX_STEPS} pages).`);
    await step.run("finish", () => finishCatalogImport({ platform, importId }));
    const archived = await step.run("archive-deleted-mappings", () => archiveDeletedMappings({ organizationId }));
    await step.run("restore-revived-mappings", () => restoreRevivedMappings({ organizationId }));
    if (platform === "TIKTOK") {
      await step.sendEvent("auto-map-new-products", newTikTokProductsArrived.create({ organizationId, tiktokConnectionId: connectionId }, { id: `auto-map-after-${importId}` }));
    }
    const summary = await step.run("summarize", async () => {
      const run = await db().catalogImport.findUniqueOrThrow({ where: { id: importId }, select: { processed: true, apiCalls: true, connection: { select: { name: true } } } });
      await recordActivity({
        organizationId,
        type: "catalog.imported",
        level: "SUCCESS",
        message: `${kind === "full" ? "Imported" : "Reconciled"} the catalog of ${run.connection.name}: ${run.processed} products read with ${run.apiCalls} API calls.${archived > 0 ? ` ${archived} mappings archived because their product or variant was deleted.` : ""}`,
        subjectType: "connection",
        subjectId: connectionId,
      });
      return run;
    });
    return { importId, processed: summary.processed, apiCalls: summary.apiCalls, archived };
  },
);
