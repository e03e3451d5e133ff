import { recordJobFailure } from "@/lib/activity/record-job-failure";
import { detectConflictsAfterImport } from "@/lib/mapping/detect-mapping-conflicts";
import { inngest } from "../client";
import { catalogChanged } from "../events";

/**
 * Needs attention's conflicts after product webhooks, once a burst has settled: the matcher over the
 * store's shops (imports and "Map" run the same check as a step of their own).
 */
export const detectMappingConflictsFn = inngest.createFunction(
  {
    id: "detect-mapping-conflicts",
    name: "Detect mapping conflicts",
    triggers: [catalogChanged],
    // A bulk edit sends thousands of product webhooks: one run per store after the burst. It reads
    // only Ferry's catalog cache, never the platforms.
    debounce: { key: "event.data.connectionId", period: "1m", timeout: "10m" },
    concurrency: { key: "event.data.connectionId", limit: 1 },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { organizationId, connectionId } = event.data.event.data;
      await recordJobFailure({
        organizationId,
        type: "mapping.conflicts_failed",
        what: "Looking for mapping conflicts after product changes",
        next: "It runs again after the next product change or import; \"Import now\" on Products does it at once.",
        error,
        runId: event.data.run_id,
        subjectType: "connection",
        subjectId: connectionId,
      });
    },
  },
  async ({ event, step }) => step.run("detect", () => detectConflictsAfterImport({ organizationId: event.data.organizationId, connectionId: event.data.connectionId })),
);
