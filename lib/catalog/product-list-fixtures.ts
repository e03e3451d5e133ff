import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { ProductTab } from "./product-list-query";

// A large catalog written in a handful of INSERT … SELECT generate_series statements (seconds for
// 100,000 SKUs, where row-by-row inserts take minutes on the embedded database), for the
// Products list test and bench. Every product's tab follows from its number, so callers can
// compute the expected counts and pages without reading the database.

export interface LargeCatalogOptions {
  client: Db;
  /** Unique per call: prefixes every id, slug and SKU. */
  name: string;
  products: number;
  skusPerProduct: number;
  /** Add the shops to this organization instead of creating one. */
  organizationId?: string;
}

export interface LargeCatalog {
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
}

const ADJECTIVES = ["Classic", "Cozy", "Urban", "Vintage", "Sport"];
const NOUNS = ["Tee", "Hoodie", "Beanie", "Sock", "Cap", "Jacket", "Shorts"];

/** Zero-padded so that title order is number order under any collation. */
export const largeCatalogTitle = (i: number) => `Product ${String(i).padStart(6, "0")} ${ADJECTIVES[i % 5]} ${NOUNS[Math.floor(i / 5) % 7]}`;
export const largeCatalogSku = ({ name, product, sku }: { name: string; product: number; sku: number }) =>
  `${name.toUpperCase()}-${String(product).padStart(6, "0")}-${sku}`;

// Product i (1-based): i % 50 == 3 is deactivated (and so in no tab); i % 100 == 5 has an archived mapping and
// i % 100 == 15 a mapping to a deleted variant (attention); i % 10 in {0, 1} is fully mapped;
// i % 10 == 2 has only its first SKU mapped (partly mapped); the rest is unmapped.
export function largeCatalogTab(i: number): ProductTab | null {
  if (i % 100 === 5 || i % 100 === 15) return "attention";
  if (i % 10 === 0 || i % 10 === 1) return "mapped";
  return i % 50 === 3 ? null : "unmapped";
}

export const largeCatalogPartlyMapped = (i: number) => i % 10 === 2;

export async function seedLargeCatalog({ client, name, products, skusPerProduct, organizationId }: LargeCatalogOptions): Promise<LargeCatalog> {
  const org = organizationId ? { id: organizationId } : await client.organization.create({ data: { slug: name, name }, select: { id: true } });
  const credential = (platform: "SHOPIFY" | "TIKTOK") =>
    client.credential.create({ data: { organizationId: org.id, platform, subject: `${name}-${platform}`, accessToken: "x", scopes: [] }, select: { id: true } });
  const shopify = await client.connection.create({
    data: { organizationId: org.id, platform: "SHOPIFY", externalId: `${name}.myshopify.com`, name: `${name} store`, credentialId: (await credential("SHOPIFY")).id },
    select: { id: true },
  });
  const tiktok = await client.connection.create({
    data: { organizationId: org.id, platform: "TIKTOK", externalId: `${name}-shop`, name: `${name} shop`, credentialId: (await credential("TIKTOK")).id, pairedShopifyId: shopify.id },
    select: { id: true },
  });
  const adjectives = ADJECTIVES;
  const nouns = NOUNS;
  const mapped = Prisma.sql`(i % 10 IN (0, 1) OR (k = 1 AND (i % 10 = 2 OR i % 100 IN (5, 15))))`;
  await client.$executeRaw`
    INSERT INTO "TikTokProduct" (id, "organizationId", "connectionId", "externalId", title, status, "platformUpdatedAt")
    SELECT ${name} || '-p' || i, ${org.id}, ${tiktok.id}, ${name} || '-x' || i,
      'Product ' || lpad(i::text, 6, '0') || ' ' || (${adjectives}::text[])[1 + i % 5] || ' ' || (${nouns}::text[])[1 + (i / 5) % 7],
      CASE WHEN i % 50 = 3 THEN 'SELLER_DEACTIVATED' ELSE 'ACTIVATE' END, now()
    FROM generate_series(1, ${products}::int) i`;
  await client.$executeRaw`
    INSERT INTO "TikTokSku" (id, "organizationId", "connectionId", "productId", "externalId", "sellerSku", "sellerSkuNormalized", "identifierCode", options, price, currency)
    SELECT ${name} || '-s' || i || '-' || k, ${org.id}, ${tiktok.id}, ${name} || '-p' || i, ${name} || '-sx' || i || '-' || k,
      upper(${name}) || '-' || lpad(i::text, 6, '0') || '-' || k, lower(${name}) || '-' || lpad(i::text, 6, '0') || '-' || k,
      (400000000000 + i * 10 + k)::text, jsonb_build_array(jsonb_build_object('name', 'Size', 'value', 'S' || k)), 19.99, 'USD'
    FROM generate_series(1, ${products}::int) i, generate_series(1, ${skusPerProduct}::int) k`;
  // Shopify variants exist only for the SKUs that get a mapping.
  await client.$executeRaw`
    INSERT INTO "ShopifyProduct" (id, "organizationId", "connectionId", "externalId", title, status, "platformUpdatedAt")
    SELECT ${name} || '-sp' || i, ${org.id}, ${shopify.id}, ${name} || '-spx' || i, 'Shopify ' || i, 'ACTIVE', now()
    FROM generate_series(1, ${products}::int) i WHERE i % 10 IN (0, 1, 2) OR i % 100 IN (5, 15)`;
  await client.$executeRaw`
    INSERT INTO "ShopifyVariant" (id, "organizationId", "connectionId", "productId", "externalId", title, sku, "skuNormalized", options, price, "platformUpdatedAt", "deletedAt")
    SELECT ${name} || '-v' || i || '-' || k, ${org.id}, ${shopify.id}, ${name} || '-sp' || i, ${name} || '-vx' || i || '-' || k, 'S' || k,
      upper(${name}) || '-' || lpad(i::text, 6, '0') || '-' || k, lower(${name}) || '-' || lpad(i::text, 6, '0') || '-' || k, '[]', 19.99, now(),
      CASE WHEN i % 100 = 15 THEN now() END
    FROM generate_series(1, ${products}::int) i, generate_series(1, ${skusPerProduct}::int) k
    WHERE ${mapped}`;
  await client.$executeRaw`
    INSERT INTO "Mapping" (id, "organizationId", "tiktokConnectionId", "shopifyConnectionId", "tiktokSkuId", "shopifyVariantId", rule, status, "updatedAt")
    SELECT ${name} || '-m' || i || '-' || k, ${org.id}, ${tiktok.id}, ${shopify.id}, ${name} || '-s' || i || '-' || k, ${name} || '-v' || i || '-' || k,
      'EXACT_SKU', CASE WHEN i % 100 = 5 THEN 'ARCHIVED'::"MappingStatus" ELSE 'ACTIVE'::"MappingStatus" END, now()
    FROM generate_series(1, ${products}::int) i, generate_series(1, ${skusPerProduct}::int) k
    WHERE ${mapped}`;
  return { organizationId: org.id, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id };
}
