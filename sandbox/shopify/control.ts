// The Shopify control API under /__sandbox/shopify (seeding, triggers, inspection).
import type { z } from "zod";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { addProduct, createShop, deleteProduct, patchProduct, primaryLocation, setAvailable, variantsBySku } from "./catalog";
import { appInput, cancelInput, fulfillInput, gdprInput, inventoryInput, numericId, productPatch, productsInput, shopInput, trackingInput, uninstallInput, zodMessage } from "./control-schemas";
import { controlOrders } from "./control-orders";
import { gid } from "./ids";
import { restInventoryLevel, restProduct, restShop } from "./rest-payloads";
import { shopifyState, type ShopRec } from "./state";
import { emitPrivacyWebhook, emitWebhook } from "./webhooks";

export const bad = (message: string, status = 400): SandboxResponse => ({ status, body: { error: message } });
export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): { data: z.infer<T> } | { error: SandboxResponse } {
  const r = schema.safeParse(body ?? {});
  return r.success ? { data: r.data } : { error: bad(zodMessage(r.error)) };
}

export function registerShopifyApp(input: unknown, ctx: SandboxContext): SandboxResponse {
  const p = parseBody(appInput, input);
  if ("error" in p) return p.error;
  const { platform: _platform, ...app } = p.data;
  ctx.apps("shopify")[app.clientId] = { ...app, registeredAt: new Date(ctx.now()).toISOString() };
  ctx.save();
  return ok({ platform: "shopify", ...app }, 201);
}

function shopSummary(shop: ShopRec) {
  return {
    id: gid("Shop", shop.id), domain: shop.domain, name: shop.name, plan: shop.plan, currency: shop.currency, ianaTimezone: shop.ianaTimezone,
    locations: shop.locations.map((l) => ({ id: gid("Location", l.id), name: l.name, isPrimary: l.isPrimary })),
    products: Object.keys(shop.products).length, variants: Object.keys(shop.variants).length, orders: Object.keys(shop.orders).length,
    installedApps: Object.keys(shop.installs),
  };
}

export async function shopifyControl(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse | null> {
  const st = shopifyState(ctx);
  const path = req.path.replace(/^\/__sandbox\/shopify/, "").replace(/\/+$/, "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const done = (res: SandboxResponse) => {
    ctx.save();
    return res;
  };
  if (parts[0] !== "shops") return null;
  if (parts.length === 1) {
    if (req.method === "GET") return ok({ shops: Object.values(st.shops).map(shopSummary) });
    if (req.method !== "POST") return bad("use GET or POST", 405);
    const p = parseBody(shopInput, req.body);
    if ("error" in p) return p.error;
    if (st.shops[p.data.domain]) return bad(`shop ${p.data.domain} already exists`, 409);
    return done(ok(shopSummary(createShop(st, p.data, ctx.now())), 201));
  }
  const shop = st.shops[parts[1]!];
  if (!shop) return bad(`no shop ${parts[1]}; create it with POST /__sandbox/shopify/shops`, 404);
  const [, , resource, id, action] = parts;
  if (!resource) return req.method === "GET" ? ok(shopSummary(shop)) : bad("use GET", 405);

  if (resource === "products" && id === undefined) {
    if (req.method !== "POST") return bad("use POST", 405);
    const p = parseBody(productsInput, req.body);
    if ("error" in p) return p.error;
    const now = ctx.now();
    const products = p.data.products.map((input) => {
      const product = addProduct(st, shop, input, now);
      return { id: gid("Product", product.id), variants: product.variantIds.map((v) => ({ id: gid("ProductVariant", v), sku: shop.variants[v]!.sku, inventoryItemId: gid("InventoryItem", shop.variants[v]!.inventoryItemId) })) };
    });
    return done(ok({ products }, 201));
  }
  if (resource === "products" && id !== undefined && action === undefined) {
    const product = shop.products[numericId(id) ?? -1];
    if (!product) return bad(`no product ${id} on ${shop.domain}`, 404);
    if (req.method === "DELETE") {
      deleteProduct(shop, product);
      emitWebhook({ ctx, shop, topic: "products/delete", payload: { id: product.id } });
      return done(ok({ deleted: gid("Product", product.id) }));
    }
    if (req.method === "GET") return ok(restProduct(shop, product));
    if (req.method !== "PATCH") return bad("use GET, PATCH or DELETE", 405);
    const p = parseBody(productPatch, req.body);
    if ("error" in p) return p.error;
    const error = patchProduct(st, shop, product, p.data, ctx.now());
    if (error) return bad(error, 404);
    emitWebhook({ ctx, shop, topic: "products/update", payload: restProduct(shop, product) });
    return done(ok(restProduct(shop, product)));
  }
  if (resource === "inventory" && id === undefined) {
    if (req.method !== "POST") return bad("use POST", 405);
    const p = parseBody(inventoryInput, req.body);
    if ("error" in p) return p.error;
    let variant;
    if (p.data.sku !== undefined) {
      const found = variantsBySku(shop, p.data.sku);
      if (found.length !== 1) return bad(`sku ${p.data.sku} matches ${found.length} variants; use variantId`, 409);
      variant = found[0]!;
    } else {
      variant = shop.variants[numericId(p.data.variantId) ?? -1];
      if (!variant) return bad(`no variant ${p.data.variantId} on ${shop.domain}`, 404);
    }
    const locationId = p.data.locationId === undefined ? primaryLocation(shop) : numericId(p.data.locationId);
    if (locationId === null || !shop.locations.some((l) => l.id === locationId)) return bad(`no location ${p.data.locationId} on ${shop.domain}`, 404);
    setAvailable(shop, variant.inventoryItemId, locationId, p.data.available);
    const level = restInventoryLevel(shop, variant.inventoryItemId, locationId, ctx.now());
    emitWebhook({ ctx, shop, topic: "inventory_levels/update", payload: level });
    return done(ok({ variantId: gid("ProductVariant", variant.id), sku: variant.sku, ...level }));
  }
  if (resource === "orders") return controlOrders({ req, ctx, shop, id, action, done, schemas: { fulfillInput, trackingInput, cancelInput } });
  if (resource === "uninstall" && id === undefined) {
    if (req.method !== "POST") return bad("use POST", 405);
    const p = parseBody(uninstallInput, req.body);
    if ("error" in p) return p.error;
    const clientIds = p.data.clientId ? [p.data.clientId] : Object.keys(shop.installs);
    if (p.data.clientId && !shop.installs[p.data.clientId]) return bad(`app ${p.data.clientId} is not installed on ${shop.domain}`, 404);
    let sent = 0;
    for (const clientId of clientIds) {
      sent += emitWebhook({ ctx, shop, topic: "app/uninstalled", payload: restShop(shop), clientId });
      uninstall(ctx, shop, clientId);
    }
    return done(ok({ uninstalled: clientIds, webhooksSent: sent }));
  }
  if (resource === "gdpr" && id === undefined) {
    if (req.method !== "POST") return bad("use POST", 405);
    const p = parseBody(gdprInput, req.body);
    if ("error" in p) return p.error;
    const clientIds = p.data.clientId ? [p.data.clientId] : Object.keys(shop.installs);
    const email = p.data.customerEmail ?? "customer@example.com";
    const customer = { id: 1000 + (email.length * 7919) % 100000, email, phone: null };
    const orders = Object.values(shop.orders).filter((o) => o.email === email).map((o) => o.id);
    const payload = p.data.topic === "shop/redact" ? { shop_id: shop.id, shop_domain: shop.domain }
      : p.data.topic === "customers/redact" ? { shop_id: shop.id, shop_domain: shop.domain, customer, orders_to_redact: orders }
      : { shop_id: shop.id, shop_domain: shop.domain, orders_requested: orders, customer, data_request: { id: Math.floor(ctx.now() / 1000) } };
    const sent = emitPrivacyWebhook({ ctx, shop, topic: p.data.topic, payload, clientIds });
    return done(ok({ topic: p.data.topic, webhooksSent: sent, payload }));
  }
  return null;
}

/** Revokes the app's tokens and subscriptions on the shop, as Shopify does on uninstall. */
function uninstall(ctx: SandboxContext, shop: ShopRec, clientId: string): void {
  const st = shopifyState(ctx);
  delete shop.installs[clientId];
  for (const map of [st.tokens, st.refreshTokens]) {
    for (const [token, grant] of Object.entries(map)) if (grant.shop === shop.domain && grant.clientId === clientId) delete map[token];
  }
  for (const [id, sub] of Object.entries(shop.webhooks)) if (sub.clientId === clientId) delete shop.webhooks[id];
}
