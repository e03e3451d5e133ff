import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { isAppError } from "../errors";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { isShopifyApiError } from "../platforms/shopify/errors";
import { getShopSettings } from "../settings/get-shop-settings";
import type { ProductSyncSettings } from "../settings/sections/product-sync-settings";
import { isEmptyPlan } from "./diff";
import type { SyncProblem } from "./listing";
import { loadSyncTarget } from "./load-sync-target";
import { planProductSync } from "./plan-product-sync";
import { pushProductSync, type PushResult, type SkuError } from "./push-product-sync";
import { recordSyncState } from "./record-sync-state";

export type SyncReason = "mapping" | "shopify-change" | "sync-now" | "reconcile" | "global-edit";

export interface SyncProductOptions {
  organizationId: string;
  tiktokProductId: string;
  reason: SyncReason;
  /** The shop's product sync settings, when the caller read them once for many products. */
  settings?: ProductSyncSettings;
}

export type SyncProductOutcome =
  | { status: "SYNCED" | "PARTIAL"; writes: PushResult["writes"]; siblings: string[] }
  | { status: "FAILED"; error: string; siblings: [] }
  | { status: "SKIPPED"; why: string; siblings: [] };

/**
 * Brings one TikTok listing in line with its Shopify product, if the pairing's auto-sync is on. Failures TikTok
 * or Shopify may recover from (rate limits, timeouts, internal errors) are thrown for the job to retry; ones a
 * person must fix are recorded as FAILED with the reason and not retried.
 */
export async function syncProduct({ organizationId, tiktokProductId, reason, settings: given }: SyncProductOptions): Promise<SyncProductOutcome> {
  const product = await db().tikTokProduct.findFirst({ where: { id: tiktokProductId, organizationId }, select: { connectionId: true, title: true } });
  if (!product) return { status: "SKIPPED", why: "the product is no longer in the catalog", siblings: [] };
  const settings = given ?? (await getShopSettings({ organizationId, tiktokConnectionId: product.connectionId })).productSync;
  if (!settings.autoSync) return { status: "SKIPPED", why: "auto-sync is off for this shop", siblings: [] };
  const state = { organizationId, tiktokConnectionId: product.connectionId, tiktokProductId };
  try {
    return await syncWithSettings({ ...state, settings, reason });
  } catch (error) {
    if (!isFinal(error)) throw error;
    const message = failureMessage(error);
    await recordSyncFailure({ ...state, title: product.title, message });
    return { status: "FAILED", error: message, siblings: [] };
  }
}

async function syncWithSettings({ organizationId, tiktokProductId, settings, reason }: { organizationId: string; tiktokConnectionId: string; tiktokProductId: string; settings: ProductSyncSettings; reason: SyncReason }): Promise<SyncProductOutcome> {
  const target = await loadSyncTarget({ organizationId, tiktokProductId });
  if (target.pairs.length === 0) return { status: "SKIPPED", why: "no SKU of it is mapped", siblings: [] };
  const planned = await planProductSync({ target, settings });
  const problems = [...planned.problems];
  if (planned.global && !settings.overwriteGlobalProducts && planned.global.plan.changes.length > 0) {
    problems.push({ field: "title", message: "Its global product is not overwritten: confirm the cross-border overwrite under Settings → Product sync." });
  }
  if (!isEmptyPlan(planned.local.plan) || (planned.global && !isEmptyPlan(planned.global.plan))) {
    // Writing starts: until every write landed the product shows as syncing, never as synced from before.
    await recordSyncState({ organizationId, tiktokConnectionId: target.tiktok.connectionId, tiktokProductId, status: "QUEUED" });
  }
  const pushed = await pushProductSync({ target, planned, allowGlobal: settings.overwriteGlobalProducts });
  problems.push(...pushed.problems);
  const status = pushed.skuErrors.length > 0 || problems.length > 0 ? "PARTIAL" : "SYNCED";
  await recordSyncState({
    organizationId,
    tiktokConnectionId: target.tiktok.connectionId,
    tiktokProductId,
    status,
    synced: true,
    lastError: summarize({ problems, skuErrors: pushed.skuErrors }),
    skuErrors: pushed.skuErrors,
    reviewStatus: pushed.reviewStatus ?? undefined,
  });
  if (pushed.writes.length > 0 || pushed.skuErrors.length > 0) {
    await recordActivity({
      organizationId,
      type: "product_sync.synced",
      level: status === "SYNCED" ? "SUCCESS" : "WARNING",
      message: describeWrites({ title: target.product.title, shop: target.tiktok.name, pushed }),
      subjectType: "tiktokProduct",
      subjectId: tiktokProductId,
      data: { reason, writes: pushed.writes, skuErrors: pushed.skuErrors.length },
    });
  }
  const siblings = pushed.globalEdited ? await siblingProducts({ organizationId, tiktokProductId, externalIds: pushed.globalEdited.localProductIds }) : [];
  return { status, writes: pushed.writes, siblings };
}

/** The local products of the same global product in the organization's other markets. */
export async function siblingProducts({ organizationId, tiktokProductId, externalIds }: { organizationId: string; tiktokProductId: string; externalIds: string[] }): Promise<string[]> {
  const rows = await db().tikTokProduct.findMany({ where: { organizationId, externalId: { in: externalIds }, id: { not: tiktokProductId }, deletedAt: null }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function recordSyncFailure({ organizationId, tiktokConnectionId, tiktokProductId, title, message }: { organizationId: string; tiktokConnectionId: string; tiktokProductId: string; title: string; message: string }) {
  await recordSyncState({ organizationId, tiktokConnectionId, tiktokProductId, status: "FAILED", lastError: message });
  await recordActivity({ organizationId, type: "product_sync.failed", level: "ERROR", message: `${title} was not synced to TikTok: ${message}`, subjectType: "tiktokProduct", subjectId: tiktokProductId });
}

/** Errors a retry cannot fix: a person must (reconnect, pair, fix the listing on TikTok). */
export function isFinal(error: unknown): boolean {
  if (isAppError(error)) return true;
  if (isTikTokApiError(error)) return error.kind === "userFixable" || error.kind === "needsReauthorization";
  if (isShopifyApiError(error)) return error.kind === "needsReauthorization" || error.kind === "userFixable";
  return false;
}

export function failureMessage(error: unknown): string {
  if (isTikTokApiError(error)) return `TikTok Shop refused it (${error.code ?? error.httpStatus ?? "no answer"}): ${error.platformMessage}`;
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function summarize({ problems, skuErrors }: { problems: SyncProblem[]; skuErrors: SkuError[] }): string | null {
  const parts = [
    ...problems.map((p) => (p.sellerSku ? `${p.sellerSku}: ${p.message}` : p.message)),
    ...skuErrors.map((e) => `${e.sellerSku ?? e.tiktokSkuId} ${e.field}: ${e.message}`),
  ];
  return parts.length > 0 ? [...new Set(parts)].slice(0, 5).join(" ").slice(0, 1000) : null;
}

function describeWrites({ title, shop, pushed }: { title: string; shop: string; pushed: PushResult }): string {
  const parts = pushed.writes.map((w) =>
    w.endpoint === "globalContent" ? `global product ${w.fields.join(", ")} (every market)` : w.endpoint === "content" ? w.fields.join(", ") : `${w.endpoint === "price" ? "price" : "stock"} of ${w.skus} SKU${w.skus === 1 ? "" : "s"}`,
  );
  const failed = pushed.skuErrors.length > 0 ? `; ${pushed.skuErrors.length} SKU update${pushed.skuErrors.length === 1 ? " was" : "s were"} refused (${pushed.skuErrors[0]!.message})` : "";
  const review = pushed.reviewStatus === "AUDITING" ? " The content edit is under TikTok's review; the live listing stays until it passes." : "";
  return `${title} (${shop}): ${parts.length > 0 ? `${parts.join(", ")} updated from Shopify` : "nothing written"}${failed}.${review}`;
}
