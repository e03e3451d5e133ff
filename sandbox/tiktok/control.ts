import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { getApp } from "./apps";
import { agePackage, changeOrderStatus, createOrder, getOrderControl } from "./control-orders";
import { deleteProductControl, getProductControl, issues, promotionControl, reviewControl, seedProducts } from "./control-products";
import { createGlobalProducts, getGlobalControl } from "./global-products";
import { randomToken } from "./ids";
import { authorizationExpiring, createShop, deauthorize } from "./shops";
import { getStore } from "./store";

const authorizeInput = z.object({ appKey: z.string(), sellerId: z.string().optional(), shopId: z.string().optional() }).strict();
const deauthInput = z.object({ appKey: z.string().optional() }).strict();
const expiringInput = z.object({ days: z.number().int().min(0).max(365).optional() }).strict();

type Handler = (ctx: SandboxContext, req: SandboxRequest, p: string[]) => SandboxResponse;
const routes: [string, string, Handler][] = [
  ["POST", "shops", (ctx, req) => createShop(ctx, getStore(ctx), req.body)],
  ["GET", "shops", (ctx) => json(200, { shops: Object.values(getStore(ctx).s.shops) })],
  ["POST", "shops/:id/products", (ctx, req, p) => seedProducts(ctx, getStore(ctx), p[0]!, req.body)],
  ["GET", "shops/:id/products/:id", (ctx, _req, p) => getProductControl(getStore(ctx), p[0]!, p[1]!)],
  ["POST", "shops/:id/products/:id/delete", (ctx, _req, p) => deleteProductControl(ctx, getStore(ctx), p[0]!, p[1]!)],
  ["POST", "shops/:id/products/:id/review", (ctx, req, p) => reviewControl(ctx, getStore(ctx), p[0]!, p[1]!, req.body)],
  ["POST", "shops/:id/products/:id/promotion", (ctx, req, p) => promotionControl(ctx, getStore(ctx), p[0]!, p[1]!, req.body)],
  ["POST", "shops/:id/orders", (ctx, req, p) => createOrder(ctx, getStore(ctx), p[0]!, req.body)],
  ["POST", "shops/:id/deauthorize", (ctx, req, p) => {
    const r = deauthInput.safeParse(req.body ?? {});
    return r.success ? deauthorize(ctx, getStore(ctx), p[0]!, r.data.appKey) : badRequest(`expected {appKey?}: ${issues(r.error)}`);
  }],
  ["POST", "shops/:id/authorization-expiring", (ctx, req, p) => {
    const r = expiringInput.safeParse(req.body ?? {});
    return r.success ? authorizationExpiring(ctx, getStore(ctx), p[0]!, r.data.days ?? 30) : badRequest(`expected {days?}: ${issues(r.error)}`);
  }],
  ["POST", "global-products", (ctx, req) => createGlobalProducts(ctx, getStore(ctx), req.body)],
  ["GET", "global-products/:id", (ctx, _req, p) => getGlobalControl(getStore(ctx), p[0]!)],
  ["POST", "orders/:id/status", (ctx, req, p) => changeOrderStatus(ctx, getStore(ctx), p[0]!, req.body)],
  ["GET", "orders/:id", (ctx, _req, p) => getOrderControl(ctx, getStore(ctx), p[0]!)],
  ["POST", "packages/:id/age", (ctx, req, p) => agePackage(getStore(ctx), p[0]!, req.body)],
  ["POST", "authorize", (ctx, req) => authorizeShortcut(ctx, req.body)],
];

/** Control routes under /__sandbox/tiktok/. */
export async function tiktokControl(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse | null> {
  const rest = req.path.replace(/^\/__sandbox\/tiktok\/?/, "").replace(/\/+$/, "").split("/").filter(Boolean);
  for (const [method, template, handler] of routes) {
    const t = template.split("/");
    if (t.length !== rest.length || method !== req.method) continue;
    const params: string[] = [];
    if (t.every((seg, i) => (seg === ":id" ? (params.push(decodeURIComponent(rest[i]!)), true) : seg === rest[i]))) return handler(ctx, req, params);
  }
  return null;
}

/** Skip the consent page: issue an auth code for app + seller directly, as if the seller clicked Authorize. */
function authorizeShortcut(ctx: SandboxContext, input: unknown): SandboxResponse {
  const r = authorizeInput.safeParse(input);
  if (!r.success) return badRequest(`expected {appKey, sellerId | shopId}: ${issues(r.error)}`);
  const app = getApp(ctx, r.data.appKey);
  if (!app) return badRequest(`unknown app ${r.data.appKey}`, 404);
  const store = getStore(ctx);
  const sellerId = r.data.sellerId ?? (r.data.shopId ? store.s.shops[r.data.shopId]?.seller_id : undefined);
  if (!sellerId || !store.s.sellers[sellerId]) return badRequest("give an existing sellerId or shopId", 404);
  const code = randomToken("TTP_", 16);
  store.s.authCodes[code] = { code, app_key: app.appKey, seller_id: sellerId, expires_at: ctx.now() + 30 * 60 * 1000, used: false };
  ctx.save();
  const redirect = new URL(app.redirectUrl);
  redirect.searchParams.set("code", code);
  return json(201, { code, sellerId, redirectUrl: redirect.toString() });
}
