import type { Db } from "../lib/db";
import { normalizeSku } from "../lib/catalog/normalize-sku";
import type { SyntheticCatalog } from "./synthetic-catalog";

const CHUNK = 5_000;

export interface SeededTenant {
  organizationId: string;
  userId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
}

async function chunked<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** An organization with a paired TikTok shop and Shopify store holding the synthetic catalog. */
export async function seedCatalog({ client, catalog, name }: { client: Db; catalog: SyntheticCatalog; name: string }): Promise<SeededTenant> {
  const organization = await client.organization.create({ data: { slug: name, name } });
  const user = await client.user.create({ data: { email: `${name}@bench.test` } });
  await client.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
  const credential = (platform: "SHOPIFY" | "TIKTOK") =>
    client.credential.create({ data: { organizationId: organization.id, platform, subject: `${name}-${platform}`, accessToken: "x", scopes: [] } });
  const shopifyCredential = await credential("SHOPIFY");
  const tiktokCredential = await credential("TIKTOK");
  const shopify = await client.connection.create({
    data: { organizationId: organization.id, platform: "SHOPIFY", externalId: `${name}.myshopify.com`, name, credentialId: shopifyCredential.id, currency: "USD" },
  });
  const tiktok = await client.connection.create({
    data: { organizationId: organization.id, platform: "TIKTOK", externalId: `${name}-shop`, name, credentialId: tiktokCredential.id, pairedShopifyId: shopify.id, currency: "USD" },
  });
  const base = { organizationId: organization.id };
  const updatedAt = new Date("2026-01-01T00:00:00Z");
  const prefix = (id: string) => `${name}_${id}`;

  const shopifyProducts = new Map<string, string>();
  for (const v of catalog.shopifyVariants) shopifyProducts.set(v.productId, v.productTitle);
  await chunked([...shopifyProducts], (chunk) =>
    client.shopifyProduct.createMany({
      data: chunk.map(([id, title]) => ({ ...base, id: prefix(id), connectionId: shopify.id, externalId: id, title, status: "ACTIVE", platformUpdatedAt: updatedAt })),
    }),
  );
  await chunked(catalog.shopifyVariants, (chunk) =>
    client.shopifyVariant.createMany({
      data: chunk.map((v) => ({
        ...base,
        id: prefix(v.id),
        connectionId: shopify.id,
        productId: prefix(v.productId),
        externalId: v.id,
        title: v.options.map((o) => o.value).join(" / "),
        sku: v.sku,
        skuNormalized: normalizeSku(v.sku),
        barcode: v.barcode,
        options: v.options.map((o) => ({ ...o })),
        price: "19.9900",
        imageUrl: `https://cdn.example.test/${v.id}.jpg`,
        platformUpdatedAt: updatedAt,
      })),
    }),
  );
  const tiktokProducts = new Map<string, string>();
  for (const s of catalog.tiktokSkus) tiktokProducts.set(s.productId, s.productTitle);
  await chunked([...tiktokProducts], (chunk) =>
    client.tikTokProduct.createMany({
      data: chunk.map(([id, title]) => ({ ...base, id: prefix(id), connectionId: tiktok.id, externalId: id, title, status: "ACTIVATE", platformUpdatedAt: updatedAt })),
    }),
  );
  await chunked(catalog.tiktokSkus, (chunk) =>
    client.tikTokSku.createMany({
      data: chunk.map((s) => ({
        ...base,
        id: prefix(s.id),
        connectionId: tiktok.id,
        productId: prefix(s.productId),
        externalId: s.id,
        sellerSku: s.sellerSku,
        sellerSkuNormalized: normalizeSku(s.sellerSku),
        identifierCode: s.identifierCode,
        options: s.options.map((o) => ({ ...o })),
        price: "21.5000",
        currency: "USD",
      })),
    }),
  );
  return { organizationId: organization.id, userId: user.id, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id };
}
