import type { SandboxContext } from "../core/platform";
import { sec } from "./config";
import { emit } from "./events";
import type { Store } from "./store";
import type { Product } from "./state";

/** Record a write in the product's history and move its update_time (and its place in the indexes). */
export function touchProduct(store: Store, p: Product, nowMs: number, endpoint: string, fields: string[], detail?: unknown): void {
  p.update_time = Math.max(sec(nowMs), p.update_time);
  p.history.push({ at: new Date(nowMs).toISOString(), endpoint, fields, ...(detail === undefined ? {} : { detail }) });
  store.indexProduct(p);
}

/** Finish the review of a product's pending version: it goes live (or fails) and the apps hear about it. */
export function finishReview(ctx: SandboxContext, store: Store, p: Product, approve: boolean, reason = ""): void {
  const pending = p.pending;
  if (!pending) return;
  const wasLive = p.status === "ACTIVATE";
  const now = ctx.now();
  p.pending = null;
  if (approve) {
    // price and stock written during the review are already live; keep them for SKUs that survive
    const liveById = new Map(p.live.skus.map((k) => [k.id, k]));
    for (const k of pending.content.skus) {
      const cur = liveById.get(k.id);
      if (cur) {
        k.price = cur.price;
        k.inventory = cur.inventory;
      }
    }
    p.live = pending.content;
    p.audit_status = "APPROVED";
    if (p.status === "PENDING" || p.status === "DRAFT" || p.status === "FAILED") p.status = "ACTIVATE";
  } else {
    p.audit_status = "FAILED";
    if (!wasLive) p.status = "FAILED";
  }
  touchProduct(store, p, now, approve ? "review approved" : "review rejected", pending.changed_fields, reason ? { reason } : undefined);
  const status = !approve ? "PRODUCT_AUDIT_FAILURE" : wasLive ? "PRODUCT_STATUS_CHANGED" : "PRODUCT_FIRST_PASS_REVIEW";
  emit(ctx, store, p.shop_id, "PRODUCT_STATUS_CHANGE", { product_id: p.id, status, suspended_reason: approve ? "" : reason, update_time: p.update_time });
  if (approve && wasLive) {
    emit(ctx, store, p.shop_id, "PRODUCT_INFORMATION_CHANGE", { product_id: p.id, change_source: "OPEN_API", changed_fields: infoFields(pending.changed_fields), update_time: p.update_time });
  }
  ctx.save();
}

function infoFields(fields: string[]): string[] {
  const known = new Set(["title", "description", "main_images", "product_attributes"]);
  const out = fields.filter((f) => known.has(f));
  if (fields.some((f) => !known.has(f))) out.push("others");
  return out;
}

/** Called by the ticker and after clock moves: approve every review whose delay is over. */
export function settleReviews(ctx: SandboxContext, store: Store): void {
  const now = ctx.now();
  for (const id of [...store.pendingReviews]) {
    const p = store.s.products[id];
    if (p?.pending && p.pending.ready_at <= now) finishReview(ctx, store, p, true);
  }
}
