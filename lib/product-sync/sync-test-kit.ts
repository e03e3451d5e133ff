import { db, type Prisma } from "../db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "../testing/connected-stores";
import { sandboxControl } from "../testing/sandbox-browser";
import { productSyncSchema } from "../settings/sections/product-sync-settings";

// Shared by the integration tests and the bench: paired sandbox stores whose products are in the catalog
// and mapped SKU by SKU (the catalog rows are written directly with the sandbox's ids: importing is the
// catalog's own concern and tested there), and helpers to read what the sandbox saw.

export interface KitProduct {
  title: string;
  description?: string;
  variants: { sku: string; price: string; compareAtPrice?: string; quantity: number }[];
  /** Shopify's image URLs (sandboxImage() gives real image files). */
  images?: string[];
  /** The TikTok listing's starting point, when it differs from Shopify's. */
  tiktok?: { title?: string; description?: string; prices?: string[]; quantities?: number[]; images?: string[] };
}

export interface SyncKitShop {
  connectionId: string;
  shopId: string;
  region: string;
}

export async function pairedSandboxStores(options: { shopifyCurrency?: string; sellerType?: "LOCAL" | "CROSS_BORDER"; regions?: string[]; plan?: string } = {}) {
  const org = await newOrganization("Sync");
  const shopify = await connectedShopifyStore(org, { currency: options.shopifyCurrency, plan: options.plan });
  const tiktok = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId, sellerType: options.sellerType, regions: options.regions });
  return { org, shopify, tiktok };
}

/** Creates the products on both sides, caches them in the catalog and maps every SKU to its variant. */
export async function seedMappedProducts({ org, shopify, shop, products }: { org: { organizationId: string }; shopify: { connectionId: string; domain: string }; shop: SyncKitShop; products: KitProduct[] }) {
  const created = await createShopifyProducts({ domain: shopify.domain, products });
  const tiktok = await sandboxControl<{ products: { id: string; skus: { id: string; sellerSku: string }[] }[] }>("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, {
    products: products.map((p) => ({
      title: p.tiktok?.title ?? p.title,
      description: p.tiktok?.description ?? p.description ?? "",
      ...(p.tiktok?.images ? { images: p.tiktok.images } : {}),
      skus: p.variants.map((v, i) => ({ sellerSku: v.sku, price: p.tiktok?.prices?.[i] ?? v.price, quantity: p.tiktok?.quantities?.[i] ?? v.quantity })),
    })),
  });
  const rows = products.map((p, i) => ({ kit: p, shopify: created[i]!, tiktok: tiktok.products[i]! }));
  return cacheAndMap({ organizationId: org.organizationId, shopifyConnectionId: shopify.connectionId, tiktokConnectionId: shop.connectionId, rows });
}

export async function createShopifyProducts({ domain, products }: { domain: string; products: KitProduct[] }) {
  const out: { id: string; variants: { id: string; sku: string }[] }[] = [];
  for (let i = 0; i < products.length; i += 5000) {
    const answer = await sandboxControl<{ products: { id: string; variants: { id: string; sku: string }[] }[] }>("POST", `/__sandbox/shopify/shops/${domain}/products`, {
      products: products.slice(i, i + 5000).map((p) => ({
        title: p.title,
        descriptionHtml: p.description ?? "",
        ...(p.images ? { images: p.images } : {}),
        options: [{ name: "Size", values: p.variants.map((_, k) => `S${k}`) }],
        variants: p.variants.map((v, k) => ({ sku: v.sku, price: v.price, ...(v.compareAtPrice ? { compareAtPrice: v.compareAtPrice } : {}), inventoryQuantity: v.quantity, selectedOptions: [{ name: "Size", value: `S${k}` }] })),
      })),
    });
    out.push(...answer.products);
  }
  return out;
}

const numeric = (gid: string) => gid.slice(gid.lastIndexOf("/") + 1);

export async function cacheAndMap({ organizationId, shopifyConnectionId, tiktokConnectionId, rows, globalProductId }: {
  organizationId: string;
  shopifyConnectionId: string;
  tiktokConnectionId: string;
  rows: { kit: KitProduct; shopify: { id: string; variants: { id: string; sku: string }[] }; tiktok: { id: string; skus: { id: string; sellerSku: string }[] } }[];
  globalProductId?: (index: number) => string | null;
}) {
  const now = new Date();
  const products: { tiktokProductId: string; externalId: string; shopifyProductId: string }[] = [];
  for (const [index, row] of rows.entries()) {
    // One Shopify product may serve several TikTok shops (cross-border markets).
    const spKey = { connectionId: shopifyConnectionId, externalId: numeric(row.shopify.id) };
    const sp = await db().shopifyProduct.upsert({ where: { connectionId_externalId: spKey }, update: {}, create: { organizationId, ...spKey, title: row.kit.title, status: "ACTIVE", platformUpdatedAt: now } });
    const tp = await db().tikTokProduct.create({
      data: { organizationId, connectionId: tiktokConnectionId, externalId: row.tiktok.id, title: row.kit.tiktok?.title ?? row.kit.title, status: "ACTIVATE", platformUpdatedAt: now, globalProductId: globalProductId?.(index) ?? null },
    });
    const mappings: Prisma.MappingCreateManyInput[] = [];
    for (const [k, v] of row.kit.variants.entries()) {
      const svKey = { connectionId: shopifyConnectionId, externalId: numeric(row.shopify.variants[k]!.id) };
      const sv = await db().shopifyVariant.upsert({
        where: { connectionId_externalId: svKey },
        update: {},
        create: { organizationId, ...svKey, productId: sp.id, title: `S${k}`, sku: v.sku, options: [], price: v.price, platformUpdatedAt: now },
      });
      const ts = await db().tikTokSku.create({
        data: { organizationId, connectionId: tiktokConnectionId, productId: tp.id, externalId: row.tiktok.skus[k]!.id, sellerSku: v.sku, options: [], price: v.price, currency: "USD" },
      });
      mappings.push({ organizationId, tiktokConnectionId, shopifyConnectionId, tiktokSkuId: ts.id, shopifyVariantId: sv.id, rule: "EXACT_SKU" });
    }
    await db().mapping.createMany({ data: mappings });
    products.push({ tiktokProductId: tp.id, externalId: row.tiktok.id, shopifyProductId: numeric(row.shopify.id) });
  }
  return products;
}

/** An image file the sandbox's Shopify CDN serves: a PNG of that size, its colour from the name. */
export function sandboxImage(name: string, size = "800x800"): string {
  return `${process.env.FERRY_TEST_SANDBOX_URL}/shopify/cdn/images/${size}/${name}.png`;
}

/** Switches auto-sync on for a shop directly (tests of the sync itself; the confirmed flow has its own tests). */
export async function enableAutoSync({ organizationId, tiktokConnectionId, settings = {} }: { organizationId: string; tiktokConnectionId: string; settings?: Record<string, unknown> }) {
  const productSync = productSyncSchema.parse({ autoSync: true, ...settings }) as unknown as Prisma.InputJsonObject;
  await db().shopSettings.upsert({
    where: { tiktokConnectionId },
    create: { tiktokConnectionId, organizationId, settings: { productSync } },
    update: { settings: { productSync } },
  });
}

export interface SandboxHistoryEntry {
  at: string;
  endpoint: string;
  fields: string[];
  detail?: unknown;
}

/** The sandbox's own record of every write to a product. */
export async function sandboxProduct(shopId: string, productId: string) {
  return sandboxControl<{ title: string; description: string; main_images: { uri: string; urls: string[] }[]; skus: { id: string; seller_sku: string; price: { sale_price: string }; list_price?: { amount: string }; inventory: { warehouse_id: string; quantity: number }[] }[]; history: SandboxHistoryEntry[]; underReview: { changedFields: string[]; version: { title: string; main_images: { uri: string; urls: string[] }[] } } | null; audit: { status: string } }>(
    "GET",
    `/__sandbox/tiktok/shops/${shopId}/products/${productId}`,
  );
}

/** The writes after seeding (the first history entry is the seed itself). */
export async function sandboxWrites(shopId: string, productId: string): Promise<string[]> {
  const p = await sandboxProduct(shopId, productId);
  return p.history.slice(1).map((h) => h.endpoint);
}
