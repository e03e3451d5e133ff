import { randomUUID } from "node:crypto";
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { catalogImportRequested } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { AppError } from "../errors";

export const requestImportSchema = z.object({ connectionId: z.string().min(1).max(40).optional() }).strict();

/** "Import now": queues a full import of one store, or of every active store of the organization. */
export async function requestImport({ org, connectionId }: { org: OrgContext; connectionId?: string }) {
  const connections = await db().connection.findMany({
    where: { organizationId: org.organizationId, status: "ACTIVE", ...(connectionId ? { id: connectionId } : {}) },
    select: { id: true },
  });
  if (connectionId && connections.length === 0) throw new AppError("NOT_FOUND", "Store not found, or not connected.");
  if (connections.length === 0) throw new AppError("CONFLICT", "No store is connected yet. Connect your stores under Connections first.");
  await queueImports({ organizationId: org.organizationId, connectionIds: connections.map((c) => c.id), kind: "full", requestedBy: org.userId });
  return { queued: connections.length };
}

export interface QueueImportsOptions {
  organizationId: string;
  connectionIds: string[];
  kind: "full" | "reconcile";
  requestedBy: string;
  /** A deterministic key (a job's run id) so a retried step queues nothing twice. */
  key?: string;
}

export async function queueImports({ organizationId, connectionIds, kind, requestedBy, key = randomUUID() }: QueueImportsOptions) {
  if (connectionIds.length === 0) return;
  await inngest.send(
    connectionIds.map((connectionId) => catalogImportRequested.create({ organizationId, connectionId, kind, requestedBy }, { id: `import-${connectionId}-${key}` })),
  );
}
