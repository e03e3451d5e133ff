import { archiveDeletedMappings, restoreRevivedMappings } from "@/lib/mapping/archive-deleted";
import { detectConflictsAfterImport } from "@/lib/mapping/detect-mapping-conflicts";
import { failCatalogImport, recordImportSummary } from "@/lib/catalog/report-import";
import { finishCatalogImport, importCatalogStep, startCatalogImport, type ImportProgress } from "@/lib/catalog/run-import";
import { importGlobalProducts } from "@/lib/catalog/tiktok/import-global-products";
import { AppError } from "@/lib/errors";
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
    // The cursor state is per store: two imports of one store would read everything twice.
    concurrency: { key: "event.data.connectionId", limit: 1 },
    // Starts per store are spaced (queued, never dropped): a full import reads the whole catalog
    // through the store's API quota, so repeated "Import now" presses or a reconciliation landing
    // right after one leave room for the store's webhooks and other work. Within a run, the cost
    // budget and rate limiter pace each call.
    throttle: { key: "event.data.connectionId", limit: 1, period: "1m", burst: 2 },
    retries: 4,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      await failCatalogImport({ organizationId, connectionId, error, runId: event.data.run_id });
    },
  },
  async ({ event, step }) => {
    const { organizationId, connectionId, kind } = event.data;
    let progress: ImportProgress | null = await step.run("start", () => startCatalogImport({ organizationId, connectionId, kind }));
    if (!progress) return { skipped: "store not connected" };
    const { platform, importId } = progress;
    for (let i = 0; progress && i < MAX_STEPS; i++) {
      if (progress.sleepMs > 0) await step.sleep(`wait-${i}`, progress.sleepMs);
      const current: ImportProgress = progress;
      progress = await step.run(`step-${i}`, () => importCatalogStep(current));
    }
    // An AppError's message is written for the merchant: onFailure shows it as the reason.
    if (progress) throw new AppError("CONFLICT", `The catalog is larger than one import run can read (${MAX_STEPS} pages)`);
    // Cross-border sellers: their global products, whose local products the pages above read.
    if (platform === "TIKTOK") await step.run("global-products", () => importGlobalProducts({ organizationId, connectionId, importId }));
    await step.run("finish", () => finishCatalogImport({ organizationId, platform, importId }));
    const archived = await step.run("archive-deleted-mappings", () => archiveDeletedMappings({ organizationId }));
    await step.run("restore-revived-mappings", () => restoreRevivedMappings({ organizationId }));
    // Conflicts (a SKU on several SKUs or variants, …) go to Needs attention until settled.
    await step.run("detect-mapping-conflicts", () => detectConflictsAfterImport({ organizationId, connectionId }));
    if (platform === "TIKTOK") {
      await step.sendEvent("auto-map-new-products", newTikTokProductsArrived.create({ organizationId, tiktokConnectionId: connectionId }, { id: `auto-map-after-${importId}` }));
    }
    const summary = await step.run("summarize", () => recordImportSummary({ organizationId, connectionId, importId, kind, archived }));
    return { importId, processed: summary.processed, apiCalls: summary.apiCalls, archived };
  },
);
