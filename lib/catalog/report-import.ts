import { recordActivity } from "../activity/record-activity";
import { describeJobFailure } from "../activity/job-failure-reason";
import { recordJobFailure } from "../activity/record-job-failure";
import { db } from "../db";
import { finishCatalogImport, type ImportKind } from "./run-import";

// The import job's Activity lines: the summary after a finished import, the reason after a failed one.

export interface RecordImportSummaryOptions {
  organizationId: string;
  connectionId: string;
  importId: string;
  kind: ImportKind;
  /** Mappings archived after the import because their product or variant was deleted. */
  archived: number;
}

export async function recordImportSummary({ organizationId, connectionId, importId, kind, archived }: RecordImportSummaryOptions) {
  const run = await db().catalogImport.findFirstOrThrow({
    where: { id: importId, organizationId, connectionId },
    select: { processed: true, apiCalls: true, connection: { select: { name: true } } },
  });
  await recordActivity({
    organizationId,
    type: "catalog.imported",
    level: "SUCCESS",
    message: `${kind === "full" ? "Imported" : "Reconciled"} the catalog of ${run.connection.name}: ${run.processed} products read with ${run.apiCalls} API calls.${archived > 0 ? ` ${archived} mappings archived because their product or variant was deleted.` : ""}`,
    subjectType: "connection",
    subjectId: connectionId,
  });
  return { processed: run.processed, apiCalls: run.apiCalls };
}

export interface FailCatalogImportOptions {
  organizationId: string;
  connectionId: string;
  /** The error the import job failed with, as its onFailure received it. */
  error: unknown;
  runId?: string;
}

/**
 * The import job gave up: its running import is marked failed with a reason the merchant can read,
 * and Activity says what to do. Another organization's store is left alone; returns whether it recorded.
 */
export async function failCatalogImport({ organizationId, connectionId, error, runId }: FailCatalogImportOptions): Promise<boolean> {
  const connection = await db().connection.findFirst({ where: { id: connectionId, organizationId }, select: { platform: true, name: true } });
  if (!connection) return false;
  const running = await db().catalogImport.findFirst({ where: { organizationId, connectionId, status: "RUNNING" }, orderBy: { startedAt: "desc" }, select: { id: true } });
  if (running) {
    const { reason } = describeJobFailure({ error, reference: runId });
    await finishCatalogImport({ organizationId, platform: connection.platform, importId: running.id, error: `The import failed: ${reason}.` });
  }
  await recordJobFailure({
    organizationId,
    type: "catalog.import_failed",
    what: `Importing the catalog of ${connection.name}`,
    next: 'Try "Import now" on Products.',
    error,
    runId,
    subjectType: "connection",
    subjectId: connectionId,
  });
  return true;
}
