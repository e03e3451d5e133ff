import { cron } from "inngest";
import { listCredentialsToRefresh, refreshCredential } from "@/lib/connections/refresh-credential";
import { warnExpiringAuthorizations } from "@/lib/connections/warn-expiring-authorizations";
import { inngest } from "../client";
import { logScheduledFailure } from "../log-scheduled-failure";

/**
 * Hourly: refresh tokens before they expire, so a quiet store never finds its authorization lapsed
 * (TikTok access tokens live about 7 days; refresh tokens of both platforms expire too), and tell the
 * members (the bell) about stores that need re-authorizing now or soon.
 */
export const refreshExpiringTokensFn = inngest.createFunction(
  {
    id: "refresh-expiring-tokens",
    name: "Refresh expiring tokens",
    triggers: [cron("17 * * * *")],
    retries: 2,
    // A refusal for good already reaches the merchant (the store is marked for re-authorization,
    // with an Activity entry); a failure of the job itself is the operator's.
    onFailure: logScheduledFailure("refresh-expiring-tokens"),
  },
  async ({ step }) => {
    const ids = await step.run("find-expiring", () => listCredentialsToRefresh({}));
    const results: { credentialId: string; ok: boolean }[] = [];
    for (const credentialId of ids) {
      // One step per credential: a failure (say, a revoked seller) does not redo the others.
      results.push(await step.run(`refresh-${credentialId}`, () => refreshCredential({ credentialId })));
    }
    // A refused refresh has already marked its stores and notified (markNeedsReauth); what still runs
    // out soon after refreshing gets the "Re-authorize" banner and a notification.
    const warned = await step.run("warn-expiring", () => warnExpiringAuthorizations({}));
    return { refreshed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, warned };
  },
);
