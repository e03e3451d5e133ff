import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import type { StoreCheck } from "./check-store";

export const HEALTH_CHECK_ACTIVITY = "connections.health_check";
const NOTHING_TO_CHECK =
  "Connection health check: no stores are connected yet, so there is nothing to check. Connect Shopify and TikTok Shop under Connections.";

// A health check runs in three steps so each store is checked by its own job, keyed by the store
// (inngest/functions/check-store.ts): list the stores, check each, record the outcome once.

export interface ListStoresToCheckOptions {
  organizationId: string;
  /** Only this connection (a member's "Check now"); otherwise every active store. */
  connectionId?: string;
}

/** The organization's stores a health check looks at, oldest first. */
export async function listStoresToCheck({ organizationId, connectionId }: ListStoresToCheckOptions): Promise<string[]> {
  const connections = await db().connection.findMany({
    where: { organizationId, ...(connectionId ? { id: connectionId } : { status: { in: ["ACTIVE", "NEEDS_REAUTH"] } }) },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return connections.map((connection) => connection.id);
}

export interface RecordHealthCheckOptions {
  organizationId: string;
  /** The stores' results (checkStore), in the order listed. */
  stores: StoreCheck[];
  /** Record an entry even when the result equals the last one (a member asked for this check). */
  always?: boolean;
  /** A key naming this check (a job's run id): a step that runs twice records once. */
  checkKey: string;
}

export interface HealthCheckResult {
  status: "no_connections" | "healthy" | "problems";
  message: string;
  recorded: boolean;
  stores: StoreCheck[];
}

/**
 * Records the outcome in Activity. Scheduled runs record only when the outcome changes, so the log
 * is not flooded with identical lines.
 */
export async function recordHealthCheck({ organizationId, stores, always = false, checkKey }: RecordHealthCheckOptions): Promise<HealthCheckResult> {
  const problems = stores.filter((s) => !s.ok);
  const status = stores.length === 0 ? "no_connections" : problems.length > 0 ? "problems" : "healthy";
  const message =
    status === "no_connections"
      ? NOTHING_TO_CHECK
      : status === "healthy"
        ? `Connection health check: ${stores.length} store${stores.length === 1 ? "" : "s"} healthy (${stores.map((s) => s.name).join(", ")}).`
        : `Connection health check: ${problems.map((p) => `${p.name}: ${p.problem}`).join("; ")}`;

  const previous = await db().activityEntry.findFirst({
    where: { organizationId, type: HEALTH_CHECK_ACTIVITY },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { message: true, subjectId: true },
  });
  const base = { status, message, stores } as const;
  if (previous?.subjectId === checkKey) return { ...base, recorded: false };
  if (!always && previous?.message === message) return { ...base, recorded: false };
  await recordActivity({
    organizationId,
    type: HEALTH_CHECK_ACTIVITY,
    level: status === "problems" ? "ERROR" : status === "healthy" ? "SUCCESS" : "INFO",
    message,
    subjectType: "health_check",
    subjectId: checkKey,
  });
  return { ...base, recorded: true };
}

/** Every organization id, for the scheduled fan-out. */
export async function listOrganizationIds(): Promise<string[]> {
  const rows = await db().organization.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}
