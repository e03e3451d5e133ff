import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { computePreviewPage, finishPreview, startCursor, type PreviewCursor } from "@/lib/product-sync/preview/compute-preview";
import { inngest } from "../client";
import { productSyncPreviewRequested } from "../events";

/** "What will be overwritten": plans every product in the preview's scope, page by page, writing nothing to TikTok. */
export const computeSyncPreviewFn = inngest.createFunction(
  {
    id: "compute-sync-preview",
    name: "Compute product sync preview",
    triggers: [productSyncPreviewRequested],
    concurrency: { key: "event.data.organizationId", limit: 2 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, previewId } = event.data.event.data;
      await finishPreview({ previewId, error: error.message.slice(0, 300) });
      await recordJobFailure({ organizationId, type: "product_sync.preview_failed", what: "The overwrite preview", error });
    },
  },
  async ({ event, step }) => {
    let cursor: PreviewCursor | null = startCursor;
    for (let page = 0; cursor; page++) {
      const current: PreviewCursor = cursor;
      cursor = (await step.run(`page-${page}`, () => computePreviewPage({ previewId: event.data.previewId, cursor: current }))).cursor;
    }
    await step.run("finish", () => finishPreview({ previewId: event.data.previewId }));
    return { previewId: event.data.previewId };
  },
);
