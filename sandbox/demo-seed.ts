// Seeds a running sandbox with the demo merchant, through its JSON control API over HTTP only:
// registers the app on both platforms (every run: the app's URLs may change), then, once, a Shopify store and the
// TikTok shops whose catalogs disagree the way real ones do (see demo-catalog.ts).
//   npx tsx sandbox/demo-seed.ts     (SANDBOX_URL, default http://127.0.0.1:4010; app settings from TIKTOK_* / SHOPIFY_*)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { demoCatalog } from "./demo-catalog";

export const DEMO_SHOPIFY_DOMAIN = "ferry-demo.myshopify.com";
export const DEMO_TIKTOK_SHOPS = { local: "Ferry Demo US", globalGb: "Ferry Demo Global UK", globalDe: "Ferry Demo Global DE" } as const;
const LOCATIONS = [{ name: "Brooklyn Warehouse", countryCode: "US", city: "Brooklyn" }, { name: "Los Angeles Store", countryCode: "US", city: "Los Angeles" }];

export const seedDemoOptions = z.object({
  sandboxUrl: z.url(),
  tiktok: z.object({ appKey: z.string().min(1), appSecret: z.string().min(1), serviceId: z.string().min(1), redirectUrl: z.url(), webhookUrl: z.url() }),
  shopify: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(8), redirectUrl: z.url(), complianceWebhookUrl: z.url() }),
});
export type SeedDemoOptions = z.infer<typeof seedDemoOptions>;

const shopifySummary = z.object({ domain: z.string(), products: z.number(), variants: z.number(), locations: z.array(z.object({ id: z.string(), name: z.string(), isPrimary: z.boolean() })) });
const tiktokShop = z.object({ id: z.string(), name: z.string(), region: z.string(), seller_type: z.enum(["LOCAL", "CROSS_BORDER"]), seller_id: z.string() });
const tiktokShops = z.object({ shops: z.array(tiktokShop) });
const createdTikTokShop = z.object({ shopId: z.string(), sellerId: z.string() });
const createdShopifyProducts = z.object({ products: z.array(z.object({ id: z.string(), variants: z.array(z.object({ id: z.string(), sku: z.string().nullable() })) })) });
const createdTikTokProducts = z.object({ products: z.array(z.object({ id: z.string() })) });
const createdGlobals = z.object({ globalProducts: z.array(z.object({ id: z.string(), localProducts: z.array(z.object({ productId: z.string() })) })) });

export interface DemoSummary {
  shopifyDomain: string;
  tiktokShops: { shopId: string; name: string; region: string; sellerType: "LOCAL" | "CROSS_BORDER" }[];
  /** Shopify and TikTok shop counts are read back from the sandbox; TikTok product counts are the catalog's (the control API lists no TikTok products). */
  counts: { shopifyProducts: number; shopifyVariants: number; shopifyLocations: number; tiktokShops: number; tiktokProducts: number; tiktokSkus: number; tiktokGlobalProducts: number };
  seeded: { shopify: boolean; tiktokLocal: boolean; tiktokGlobal: boolean };
}

type Call = <T extends z.ZodType>(o: { method: string; path: string; body?: unknown; schema: T; allow404?: boolean }) => Promise<z.infer<T> | null>;

function client(sandboxUrl: string): Call {
  const base = sandboxUrl.replace(/\/+$/, "");
  return async ({ method, path: p, body, schema, allow404 }) => {
    const res = await fetch(base + p, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (allow404 && res.status === 404) return null;
    if (!res.ok) throw new Error(`sandbox ${method} ${p} answered ${res.status}: ${text.slice(0, 300)}`);
    const parsed = schema.safeParse(text ? JSON.parse(text) : null);
    if (!parsed.success) throw new Error(`sandbox ${method} ${p} answered an unexpected body: ${parsed.error.message.slice(0, 300)}`);
    return parsed.data;
  };
}

const ignored = z.unknown(); // answers the seed does not read

/** Registers the app on both platforms and seeds the demo merchant unless it is already there. Idempotent. */
export async function seedSandboxDemo(input: SeedDemoOptions): Promise<DemoSummary> {
  const options = seedDemoOptions.parse(input);
  const call = client(options.sandboxUrl);
  const catalog = demoCatalog();
  await call({ method: "POST", path: "/__sandbox/apps", body: { platform: "tiktok", ...options.tiktok }, schema: ignored });
  await call({ method: "POST", path: "/__sandbox/apps", body: { platform: "shopify", ...options.shopify }, schema: ignored });

  const shopPath = `/__sandbox/shopify/shops/${DEMO_SHOPIFY_DOMAIN}`;
  let shop = await call({ method: "GET", path: shopPath, schema: shopifySummary, allow404: true });
  const seedShopify = !shop || shop.products === 0;
  if (!shop) {
    shop = await call({ method: "POST", path: "/__sandbox/shopify/shops", body: { domain: DEMO_SHOPIFY_DOMAIN, name: "Ferry Demo", currency: "USD", ianaTimezone: "America/New_York", email: "owner@ferry-demo.example", locations: LOCATIONS }, schema: shopifySummary });
  }
  if (seedShopify) {
    const created = await call({ method: "POST", path: `${shopPath}/products`, body: { products: catalog.shopify }, schema: createdShopifyProducts });
    // Part of the tee stock sits in the second location, so inventory is not all at the primary one.
    const second = shop!.locations.find((l) => !l.isPrimary);
    const tees = created!.products[0]!.variants;
    for (const [i, v] of tees.entries()) {
      if (second) await call({ method: "POST", path: `${shopPath}/inventory`, body: { variantId: v.id, locationId: second.id, available: 3 + ((i * 5) % 9) }, schema: ignored });
    }
    shop = await call({ method: "GET", path: shopPath, schema: shopifySummary });
  }

  let shops = (await call({ method: "GET", path: "/__sandbox/tiktok/shops", schema: tiktokShops }))!.shops;
  const find = (name: string) => shops.find((s) => s.name === name);
  const seedLocal = !find(DEMO_TIKTOK_SHOPS.local);
  if (seedLocal) {
    const us = await call({ method: "POST", path: "/__sandbox/tiktok/shops", body: { name: DEMO_TIKTOK_SHOPS.local, region: "US", sellerType: "LOCAL", sellerName: "Ferry Demo", warehouses: ["Brooklyn Warehouse"] }, schema: createdTikTokShop });
    const made = await call({ method: "POST", path: `/__sandbox/tiktok/shops/${us!.shopId}/products`, body: { products: catalog.tiktokLocal }, schema: createdTikTokProducts });
    if (made!.products.length !== catalog.tiktokLocal.length) throw new Error("the sandbox created fewer TikTok products than asked");
  }
  const seedGlobal = !find(DEMO_TIKTOK_SHOPS.globalDe);
  if (seedGlobal) {
    const gb = find(DEMO_TIKTOK_SHOPS.globalGb)
      ? { shopId: find(DEMO_TIKTOK_SHOPS.globalGb)!.id, sellerId: find(DEMO_TIKTOK_SHOPS.globalGb)!.seller_id }
      : (await call({ method: "POST", path: "/__sandbox/tiktok/shops", body: { name: DEMO_TIKTOK_SHOPS.globalGb, region: "GB", sellerType: "CROSS_BORDER", sellerName: "Ferry Demo Global" }, schema: createdTikTokShop }))!;
    const de = await call({ method: "POST", path: "/__sandbox/tiktok/shops", body: { name: DEMO_TIKTOK_SHOPS.globalDe, region: "DE", sellerType: "CROSS_BORDER", sellerId: gb.sellerId }, schema: createdTikTokShop });
    const made = await call({ method: "POST", path: "/__sandbox/tiktok/global-products", body: { sellerId: gb.sellerId, products: catalog.tiktokGlobal, publishTo: [gb.shopId, de!.shopId] }, schema: createdGlobals });
    if (made!.globalProducts.length !== catalog.tiktokGlobal.length) throw new Error("the sandbox created fewer global products than asked");
  }
  if (seedLocal || seedGlobal) shops = (await call({ method: "GET", path: "/__sandbox/tiktok/shops", schema: tiktokShops }))!.shops;

  const demoShops = Object.values(DEMO_TIKTOK_SHOPS).map((name) => find(name)).filter((s): s is z.infer<typeof tiktokShop> => !!s);
  const skuCount = (list: { skus: unknown[] }[]) => list.reduce((n, p) => n + p.skus.length, 0);
  return {
    shopifyDomain: DEMO_SHOPIFY_DOMAIN,
    tiktokShops: demoShops.map((s) => ({ shopId: s.id, name: s.name, region: s.region, sellerType: s.seller_type })),
    counts: {
      shopifyProducts: shop!.products, shopifyVariants: shop!.variants, shopifyLocations: shop!.locations.length, tiktokShops: demoShops.length,
      tiktokProducts: catalog.tiktokLocal.length + 2 * catalog.tiktokGlobal.length,
      tiktokSkus: skuCount(catalog.tiktokLocal) + 2 * skuCount(catalog.tiktokGlobal),
      tiktokGlobalProducts: catalog.tiktokGlobal.length,
    },
    seeded: { shopify: seedShopify, tiktokLocal: seedLocal, tiktokGlobal: seedGlobal },
  };
}

function optionsFromEnv(env: NodeJS.ProcessEnv): SeedDemoOptions {
  const app = (env.APP_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
  return {
    sandboxUrl: env.SANDBOX_URL ?? "http://127.0.0.1:4010",
    tiktok: {
      appKey: env.TIKTOK_APP_KEY ?? "ferry-demo-app-key", appSecret: env.TIKTOK_APP_SECRET ?? "ferry-demo-app-secret",
      serviceId: env.TIKTOK_SERVICE_ID ?? "ferry-demo-service", redirectUrl: env.TIKTOK_REDIRECT_URL ?? `${app}/api/connect/tiktok/callback`,
      webhookUrl: env.TIKTOK_WEBHOOK_URL ?? `${app}/api/webhooks/tiktok`,
    },
    shopify: {
      clientId: env.SHOPIFY_CLIENT_ID ?? "ferry-demo-client-id", clientSecret: env.SHOPIFY_CLIENT_SECRET ?? "ferry-demo-client-secret",
      redirectUrl: env.SHOPIFY_REDIRECT_URL ?? `${app}/api/connect/shopify/callback`,
      complianceWebhookUrl: env.SHOPIFY_COMPLIANCE_WEBHOOK_URL ?? `${app}/api/webhooks/shopify`,
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedSandboxDemo(optionsFromEnv(process.env))
    .then((summary) => console.log(JSON.stringify(summary, null, 2)))
    .catch((err: unknown) => {
      console.error(`[demo-seed] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}
