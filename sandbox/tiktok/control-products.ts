import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxResponse } from "../core/platform";
import { emit } from "./events";
import { newProduct, productSeed, productView } from "./product-model";
import { finishReview, touchProduct } from "./review";
import type { Store } from "./store";

const seedInput = z.object({ products: z.array(productSeed).min(1).max(100_000), emitWebhooks: z.boolean().optional() }).strict();
const promotionInput = z.object({ locked: z.boolean() }).strict();
const reviewInput = z.object({ approve: z.boolean(), reason: z.string().max(500).optional() }).strict();
export const issues = (e: z.ZodError) => e.issues.slice(0, 5).map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

export function seedProducts(ctx: SandboxContext, store: Store, shopId: string, input: unknown): SandboxResponse {
  const shop = store.s.shops[shopId];
  if (!shop) return badRequest(`unknown shop ${shopId}`, 404);
  const r = seedInput.safeParse(input);
  if (!r.success) return badRequest(`bad products: ${issues(r.error)}`);
  const now = ctx.now();
  const out = [];
  for (const seed of r.data.products) {
    const p = newProduct(store.s, shop, seed, now, "POST /__sandbox/tiktok/shops/:shopId/products");
    store.s.products[p.id] = p;
    store.indexProduct(p);
    out.push({ id: p.id, skus: p.live.skus.map((k) => ({ id: k.id, sellerSku: k.seller_sku })) });
    if (r.data.emitWebhooks) emit(ctx, store, shop.id, "PRODUCT_CREATION", { product_id: p.id, product_types: [], update_time: p.create_time });
  }
  ctx.save();
  return json(201, { products: out });
}

export function getProductControl(store: Store, shopId: string, productId: string): SandboxResponse {
  const shop = store.s.shops[shopId];
  const p = store.s.products[productId];
  if (!shop || !p || p.shop_id !== shopId) return badRequest(`no product ${productId} in shop ${shopId}`, 404);
  return json(200, {
    ...productView(p, shop),
    underReview: p.pending ? { readyAt: new Date(p.pending.ready_at).toISOString(), changedFields: p.pending.changed_fields, version: productView(p, shop, p.pending.content) } : null,
    history: p.history,
  });
}

export function deleteProductControl(ctx: SandboxContext, store: Store, shopId: string, productId: string): SandboxResponse {
  const p = store.s.products[productId];
  if (!p || p.shop_id !== shopId) return badRequest(`no product ${productId} in shop ${shopId}`, 404);
  if (p.status === "DELETED") return badRequest(`product ${productId} is already deleted`, 409);
  p.status = "DELETED";
  p.pending = null;
  p.audit_status = "NONE";
  touchProduct(store, p, ctx.now(), "POST /__sandbox/tiktok/shops/:shopId/products/:productId/delete", ["status"]);
  emit(ctx, store, shopId, "PRODUCT_STATUS_CHANGE", { product_id: p.id, status: "PRODUCT_STATUS_CHANGED", suspended_reason: "", update_time: p.update_time });
  ctx.save();
  return json(200, { id: p.id, status: p.status });
}

export function reviewControl(ctx: SandboxContext, store: Store, shopId: string, productId: string, input: unknown): SandboxResponse {
  const p = store.s.products[productId];
  if (!p || p.shop_id !== shopId) return badRequest(`no product ${productId} in shop ${shopId}`, 404);
  const r = reviewInput.safeParse(input);
  if (!r.success) return badRequest(`expected {approve: boolean, reason?}: ${issues(r.error)}`);
  if (!p.pending) return badRequest(`product ${productId} has no version under review`, 409);
  finishReview(ctx, store, p, r.data.approve, r.data.reason ?? "");
  return json(200, { id: p.id, status: p.status, audit: p.audit_status });
}

/** Starts or ends a promotion on a product: while it runs, its prices cannot be updated (12052038). */
export function promotionControl(ctx: SandboxContext, store: Store, shopId: string, productId: string, input: unknown): SandboxResponse {
  const p = store.s.products[productId];
  if (!p || p.shop_id !== shopId) return badRequest(`no product ${productId} in shop ${shopId}`, 404);
  const r = promotionInput.safeParse(input);
  if (!r.success) return badRequest(`expected {locked: boolean}: ${issues(r.error)}`);
  p.price_locked = r.data.locked;
  ctx.save();
  return json(200, { id: p.id, priceLocked: r.data.locked });
}
