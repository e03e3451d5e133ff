import crypto from "node:crypto";
import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxResponse } from "../core/platform";
import type { Route } from "./api";
import { cfg, sec } from "./config";
import { ok } from "./envelope";
import { emit } from "./events";
import { nextId } from "./ids";
import { REGION_CURRENCY } from "./regions";
import type { Store } from "./store";
import type { Shop, Warehouse } from "./state";

const shopInput = z.object({
  name: z.string().min(1).max(200),
  region: z.string().refine((r) => r in REGION_CURRENCY, { message: `region must be one of ${Object.keys(REGION_CURRENCY).join(", ")}` }),
  sellerType: z.enum(["LOCAL", "CROSS_BORDER"]),
  sellerId: z.string().min(1).max(64).optional(),
  sellerName: z.string().min(1).max(200).optional(),
  warehouses: z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), isDefault: z.boolean().optional() }).strict()])).min(1).max(20).optional(),
}).strict();

export function createShop(ctx: SandboxContext, store: Store, input: unknown): SandboxResponse {
  const r = shopInput.safeParse(input);
  if (!r.success) return badRequest(`bad shop: ${r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
  const d = r.data;
  const s = store.s;
  let seller = d.sellerId ? s.sellers[d.sellerId] : undefined;
  if (seller) {
    const sibling = s.shops[seller.shop_ids[0]!];
    if (sibling && (sibling.seller_type === "LOCAL" || d.sellerType === "LOCAL")) return badRequest(`seller ${seller.id} is a local seller with one shop; only cross-border sellers have shops in several markets`, 409);
    if (seller.shop_ids.some((id) => s.shops[id]!.region === d.region)) return badRequest(`seller ${seller.id} already has a shop in ${d.region}`, 409);
  } else {
    const id = d.sellerId ?? nextId(s, "seller");
    seller = { id, name: d.sellerName ?? d.name, region: d.sellerType === "CROSS_BORDER" ? "CN" : d.region, open_id: crypto.randomBytes(18).toString("base64url"), shop_ids: [] };
    s.sellers[id] = seller;
  }
  const id = nextId(s, "shop");
  const prefix = d.sellerType === "CROSS_BORDER" ? "GCP_" : d.region === "US" ? "TTP_" : "ROW_";
  const cipher = prefix + crypto.randomBytes(21).toString("base64url");
  const code = `${d.region}${d.sellerType === "CROSS_BORDER" ? "CB" : "LC"}${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  const specs = (d.warehouses ?? [`${d.name} warehouse`]).map((w) => (typeof w === "string" ? { name: w, isDefault: undefined } : w));
  const warehouses: Warehouse[] = specs.map((w, i) => ({
    id: nextId(s, "warehouse"), name: w.name, is_default: w.isDefault ?? i === 0, effect_status: "ENABLED", type: "SALES_WAREHOUSE", sub_type: "DOMESTIC_WAREHOUSE",
  }));
  const shop: Shop = { id, name: d.name, region: d.region, seller_type: d.sellerType, seller_id: seller.id, cipher, code, currency: REGION_CURRENCY[d.region]!, warehouses, create_time: sec(ctx.now()) };
  s.shops[id] = shop;
  s.ciphers[cipher] = id;
  seller.shop_ids.push(id);
  ctx.save();
  return json(201, { shopId: id, cipher, code, sellerId: seller.id, region: shop.region, currency: shop.currency, warehouseIds: warehouses.map((w) => w.id) });
}

/** Revoke every app's authorization of the shop's seller and tell each app (SELLER_DEAUTHORIZATION). */
export function deauthorize(ctx: SandboxContext, store: Store, shopId: string, appKey?: string): SandboxResponse {
  const shop = store.s.shops[shopId];
  if (!shop) return badRequest(`unknown shop ${shopId}`, 404);
  const revoked: string[] = [];
  for (const g of Object.values(store.s.grants)) {
    if (g.seller_id !== shop.seller_id || g.revoked || (appKey && g.app_key !== appKey)) continue;
    g.revoked = true;
    revoked.push(g.app_key);
  }
  for (const app of revoked) {
    for (const sid of store.s.sellers[shop.seller_id]!.shop_ids) {
      emit(ctx, store, sid, "SELLER_DEAUTHORIZATION", { message: `Shop_id ${sid} is deauthorized from your APP by merchant.` }, app);
    }
  }
  ctx.save();
  return json(200, { revokedApps: revoked });
}

/** UPCOMING_AUTHORIZATION_EXPIRATION, as TikTok sends it 30 days before the authorization ends. */
export function authorizationExpiring(ctx: SandboxContext, store: Store, shopId: string, days: number): SandboxResponse {
  const shop = store.s.shops[shopId];
  if (!shop) return badRequest(`unknown shop ${shopId}`, 404);
  const grants = Object.values(store.s.grants).filter((g) => g.seller_id === shop.seller_id && !g.revoked);
  for (const g of grants) {
    const expiration = Math.min(sec(g.refresh_expires_at), sec(ctx.now()) + days * 86400);
    emit(ctx, store, shopId, "UPCOMING_AUTHORIZATION_EXPIRATION", {
      message: `Authorization of shop_id ${shopId} is expiring in ${days} days. Please direct the merchant to re-authorize.`,
      expiration_time: String(expiration),
    }, g.app_key);
  }
  return json(200, { notifiedApps: grants.map((g) => g.app_key), days, refreshTtlSeconds: cfg(ctx).refreshTokenTtlSeconds });
}

export const shopRoutes: Route[] = [
  {
    method: "GET", path: "/authorization/202309/shops",
    handler: ({ store, seller }) => ok({
      shops: seller.shop_ids.map((id) => store.s.shops[id]!).map((sh) => ({ id: sh.id, name: sh.name, region: sh.region, seller_type: sh.seller_type, cipher: sh.cipher, code: sh.code })),
    }),
  },
  {
    method: "GET", path: "/seller/202309/shops",
    handler: ({ store, seller }) => ok({ shops: seller.shop_ids.map((id) => store.s.shops[id]!).map((sh) => ({ id: sh.id, region: sh.region })) }),
  },
];
