import { z } from "zod";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { raiseNotification } from "../notifications/raise-notification";

// PRODUCT_STATUS_CHANGE data: TikTok's review of a content edit ends in one of these.
const statusChangeSchema = z.object({
  product_id: z.union([z.string(), z.number()]).transform(String),
  status: z.string().default(""),
  suspended_reason: z.string().default(""),
});

const APPROVED = new Set(["PRODUCT_STATUS_CHANGED", "PRODUCT_FIRST_PASS_REVIEW", "ACTIVATE"]);
const REJECTED = new Set(["PRODUCT_AUDIT_FAILURE", "FAILED"]);

/**
 * TikTok reviews content edits: the listing Ferry edited stays AUDITING until PRODUCT_STATUS_CHANGE says how
 * the review ended. A rejection is shown on the product and raised, since the live listing keeps the old content.
 */
export async function recordReviewOutcome({ connectionId, data }: { connectionId: string; data: unknown }): Promise<string | null> {
  const parsed = statusChangeSchema.safeParse(data);
  if (!parsed.success) return null;
  const product = await db().tikTokProduct.findFirst({ where: { connectionId, externalId: parsed.data.product_id }, select: { id: true, title: true, organizationId: true } });
  if (!product) return null;
  const outcome = REJECTED.has(parsed.data.status) ? "FAILED" : APPROVED.has(parsed.data.status) ? "APPROVED" : null;
  if (!outcome) return null;
  const { count } = await db().productSyncState.updateMany({
    where: { tiktokProductId: product.id, organizationId: product.organizationId, reviewStatus: "AUDITING" },
    data: { reviewStatus: outcome, reviewReason: outcome === "FAILED" ? parsed.data.suspended_reason || "TikTok did not say why." : null, reviewUpdatedAt: new Date() },
  });
  if (count === 0) return null;
  if (outcome === "FAILED") {
    const reason = parsed.data.suspended_reason || "TikTok did not say why";
    await recordActivity({ organizationId: product.organizationId, type: "product_sync.review_failed", level: "WARNING", message: `TikTok rejected the synced content of ${product.title}: ${reason}. The live listing keeps its previous content; fix it in Shopify and sync again.`, subjectType: "tiktokProduct", subjectId: product.id });
    await raiseNotification({ organizationId: product.organizationId, kind: "product_sync.review_failed", level: "WARNING", title: `TikTok rejected ${product.title}`, body: reason, href: undefined, dedupeKey: `review-failed:${product.id}:${Date.now() - (Date.now() % 3_600_000)}` });
  }
  return `review ${outcome.toLowerCase()}`;
}
