import { isTikTokApiError } from "../platforms/tiktok/errors";
import type { TikTokItemError } from "../platforms/tiktok/schemas";
import type { SyncPlan } from "./diff";
import { diffListing, isEmptyPlan } from "./diff";
import { forgetUploads } from "./images/image-cache";
import { uploadMissingImages } from "./images/upload-images";
import type { SyncProblem } from "./listing";
import type { SyncTarget } from "./load-sync-target";
import type { ProductSyncPlan } from "./plan-product-sync";
import { ensureSnapshot } from "./snapshot";
import { PRICE_LOCKED_CODES } from "./tiktok/endpoints";
import { editGlobalContent, editLocalContent, readLocalListing, updateInventory, updatePrices } from "./tiktok/listing-api";

export interface SkuError {
  tiktokSkuId: string;
  sellerSku: string | null;
  field: "price" | "inventory";
  code: number | null;
  message: string;
  promotionLocked: boolean;
}

export interface PushResult {
  /** Endpoints written, in order ("global content", "content", "price", "inventory"). */
  writes: { endpoint: "globalContent" | "content" | "price" | "inventory"; fields: string[]; skus: number }[];
  skuErrors: SkuError[];
  /** TikTok's review state after a content edit (AUDITING), or null when no content was edited. */
  reviewStatus: string | null;
  /** A global edit reset every market's local prices: their products must be synced again. */
  globalEdited: { globalProductId: string; localProductIds: string[] } | null;
  /** Writes left out because Shopify or TikTok refused what they needed (an image that cannot be uploaded). */
  problems: SyncProblem[];
}

/**
 * Writes a plan: the snapshot first (before the first overwrite), then the content (global product first for
 * cross-border), then prices, then stock, each only when it changed. A failure TikTok may recover from throws,
 * so the job retries the whole sync; the retry plans again from TikTok's state, so what was written is not
 * written twice. Refusals that concern single SKUs (a promotion's price lock, a warehouse) are collected.
 */
export async function pushProductSync({ target, planned, allowGlobal }: { target: SyncTarget; planned: ProductSyncPlan; allowGlobal: boolean }): Promise<PushResult> {
  const result: PushResult = { writes: [], skuErrors: [], reviewStatus: null, globalEdited: null, problems: [] };
  const globalPlan = planned.global && allowGlobal && !isEmptyPlan(planned.global.plan) ? planned.global : null;
  let local = planned.local.plan;
  if (isEmptyPlan(local) && !globalPlan) return result;
  await ensureSnapshot({ target, local: planned.local.listing, global: globalPlan ? { globalProductId: globalPlan.globalProductId, listing: globalPlan.listing } : null });

  const globalContent = globalPlan ? await contentToWrite({ target, plan: globalPlan.plan, result }) : {};
  if (globalPlan && Object.keys(globalContent).length > 0) {
    await withImageRecovery({ target, plan: globalPlan.plan }, () => editGlobalContent({ credentialId: target.tiktok.credentialId, globalProductId: globalPlan.globalProductId, content: globalContent }));
    result.writes.push({ endpoint: "globalContent", fields: Object.keys(globalContent), skus: 0 });
    result.globalEdited = { globalProductId: globalPlan.globalProductId, localProductIds: globalPlan.localProductIds };
    // TikTok pushed the global product to every market, local prices included: compare again before writing them.
    const fresh = await readLocalListing({ shop: target.tiktok, productId: target.product.externalId });
    local = diffListing({ current: fresh, desired: planned.local.desired });
  }
  const localContent = await contentToWrite({ target, plan: local, result });
  if (Object.keys(localContent).length > 0) {
    const answer = await withImageRecovery({ target, plan: local }, () => editLocalContent({ shop: target.tiktok, productId: target.product.externalId, content: localContent }));
    result.writes.push({ endpoint: "content", fields: Object.keys(localContent), skus: 0 });
    result.reviewStatus = answer.audit?.status ?? "AUDITING";
  }
  if (local.prices.length > 0) await writePrices({ target, plan: local, result });
  if (local.inventory.length > 0) {
    const errors = await updateInventory({ shop: target.tiktok, productId: target.product.externalId, skus: local.inventory });
    result.writes.push({ endpoint: "inventory", fields: ["inventory"], skus: local.inventory.length - new Set(errors.map(skuIdOf)).size });
    result.skuErrors.push(...errors.map((e) => inventoryError({ error: e, target: planned })));
  }
  return result;
}

/** The Partial Edit body: the changed content fields, and main_images once every image has a TikTok uri. */
async function contentToWrite({ target, plan, result }: { target: SyncTarget; plan: SyncPlan; result: PushResult }): Promise<Record<string, unknown>> {
  const content: Record<string, unknown> = { ...plan.content };
  if (!plan.images) return content;
  const uploaded = await uploadMissingImages({ organizationId: target.organizationId, credentialId: target.tiktok.credentialId, images: plan.images });
  if (!uploaded.ok) {
    result.problems.push({ field: "images", message: uploaded.message });
    return content;
  }
  result.problems.push(...uploaded.refused.map((message) => ({ field: "images" as const, message })));
  // Without the refused images the list may be what TikTok already shows.
  const current = plan.currentImageUris ?? [];
  if (uploaded.refused.length === 0 || uploaded.uris.join("\n") !== current.join("\n")) content.main_images = uploaded.uris.map((uri) => ({ uri }));
  return content;
  return content;
}

/** TikTok dropped an image Ferry uploaded before (12052722): forget the uploads and let the job's retry upload again. */
async function withImageRecovery<T>({ target, plan }: { target: SyncTarget; plan: SyncPlan }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cached = (plan.images ?? []).flatMap((i) => (i.uri ? [i.uri] : []));
    if (!isTikTokApiError(error) || error.code !== IMAGE_URI_UNKNOWN || cached.length === 0) throw error;
    await forgetUploads({ organizationId: target.organizationId, credentialId: target.tiktok.credentialId, uris: cached });
    throw new Error("TikTok no longer has an image Ferry uploaded earlier; the images are uploaded again on the next attempt.", { cause: error });
  }
}

const IMAGE_URI_UNKNOWN = 12052722;

async function writePrices({ target, plan, result }: { target: SyncTarget; plan: SyncPlan; result: PushResult }) {
  try {
    await updatePrices({ shop: target.tiktok, productId: target.product.externalId, prices: plan.prices });
    result.writes.push({ endpoint: "price", fields: ["price"], skus: plan.prices.length });
  } catch (error) {
    // Per-product refusals a retry cannot fix: recorded against each SKU, the rest of the sync goes on.
    if (!isTikTokApiError(error) || error.kind !== "userFixable") throw error;
    const locked = error.code !== null && PRICE_LOCKED_CODES.has(error.code);
    for (const p of plan.prices) {
      result.skuErrors.push({
        tiktokSkuId: p.id,
        sellerSku: plan.changes.find((c) => c.field === "price" && c.sku)?.sku ?? null,
        field: "price",
        code: error.code,
        message: locked ? "A TikTok promotion locks this price; it is updated after the promotion ends." : error.platformMessage,
        promotionLocked: locked,
      });
    }
  }
}

const skuIdOf = (e: TikTokItemError) => String((e.detail as { sku_id?: unknown } | undefined)?.sku_id ?? "");

function inventoryError({ error, target }: { error: TikTokItemError; target: ProductSyncPlan }): SkuError {
  const id = skuIdOf(error);
  const extra = ((error.detail as { extra_errors?: { code?: number; message?: string }[] } | undefined)?.extra_errors ?? []).map((x) => x.message).filter(Boolean);
  return {
    tiktokSkuId: id,
    sellerSku: target.local.listing.skus.find((s) => s.id === id)?.sellerSku ?? null,
    field: "inventory",
    code: error.code,
    message: [error.message, ...extra].filter(Boolean).join(": ") || "TikTok refused the stock update.",
    promotionLocked: false,
  };
}
