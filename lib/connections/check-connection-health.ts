import { recordActivity } from "../activity/record-activity";
import { db } from "../db";

export const HEALTH_CHECK_ACTIVITY = "connections.health_check";

export interface CheckConnectionHealthOptions {
  organizationId: string;
  /** Record an entry even when the result equals the last one (a member asked for this check). */
  always?: boolean;
  /** A key naming this check (a job's run id): a step that runs twice records once. */
  checkKey: string;
}

export interface HealthCheckResult {
  status: "no_connections";
  message: string;
  recorded: boolean;
}

/**
 * Checks the organization's store connections and records the outcome in Activity. Until stores
 * can be connected there is nothing to check, and the entry says so. Scheduled runs record only
 * when the outcome changes, so the log is not flooded with identical lines.
 */
export async function checkConnectionHealth({ organizationId, always = false, checkKey }: CheckConnectionHealthOptions): Promise<HealthCheckResult> {
  const message = "Connection health check: no stores are connected yet, so there is nothing to check. Connect Shopify and TikTok Shop under Connections.";
  const result = { status: "no_connections" as const, message };
  const previous = await db().activityEntry.findFirst({
    where: { organizationId, type: HEALTH_CHECK_ACTIVITY },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { message: true, subjectId: true },
  });
  if (previous?.subjectId === checkKey) return { ...result, recorded: false };
  if (!always && previous?.message === message) return { ...result, recorded: false };
  await recordActivity({ organizationId, type: HEALTH_CHECK_ACTIVITY, level: "INFO", message, subjectType: "health_check", subjectId: checkKey });
  return { ...result, recorded: true };
}

/** Every organization id, for the scheduled fan-out. */
export async function listOrganizationIds(): Promise<string[]> {
  const rows = await db().organization.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}
