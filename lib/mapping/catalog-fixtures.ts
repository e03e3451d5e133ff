import { randomBytes } from "node:crypto";
import { normalizeSku } from "../catalog/normalize-sku";
import type { Db } from "../db";

// Test fixtures: catalog rows written straight into the database (no platform calls).

const suffix = () => randomBytes(4).toString("hex");
export const REVIEWED_AT = new Date("2026-03-01T10:00:00.000Z");

export async function pairedStores(client: Db) {
  const name = `org-${suffix()}`;
  const organization = await client.organization.create({ data: { slug: name, name } });
  const user = await client.user.create({ data: { email: `${name}@example.test` } });
  await client.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "OWNER" } });
  const credential = (platform: "SHOPIFY" | "TIKTOK") =>
    client.credential.create({ data: { organizationId: organization.id, platform, subject: `${name}-${platform}`, accessToken: "encrypted", scopes: [] } });
  const shopify = await client.connection.create({
    data: { organizationId: organization.id, platform: "SHOPIFY", externalId: `${name}.myshopify.com`, name: "Store", credentialId: (await credential("SHOPIFY")).id, currency: "USD" },
  });
  const tiktok = await client.connection.create({
    data: { organizationId: organization.id, platform: "TIKTOK", externalId: `${name}-shop`, name: "Shop", credentialId: (await credential("TIKTOK")).id, pairedShopifyId: shopify.id },
  });
  const org = { organizationId: organization.id, userId: user.id };
  return { org, organizationId: organization.id, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id };
}

type Stores = Awaited<ReturnType<typeof pairedStores>>;
type Option = { name: string; value: string };

export async function shopifyProduct(client: Db, stores: Stores, input: { title: string; variants: { sku?: string | null; barcode?: string | null; options?: Option[] }[] }) {
  const externalId = suffix();
  const product = await client.shopifyProduct.create({
    data: { organizationId: stores.organizationId, connectionId: stores.shopifyConnectionId, externalId, title: input.title, status: "ACTIVE", platformUpdatedAt: REVIEWED_AT },
  });
  const variants = [];
  for (const [i, variant] of input.variants.entries()) {
    variants.push(
      await client.shopifyVariant.create({
        data: {
          organizationId: stores.organizationId,
          connectionId: stores.shopifyConnectionId,
          productId: product.id,
          externalId: `${externalId}-${i}`,
          title: (variant.options ?? []).map((o) => o.value).join(" / ") || "Default Title",
          sku: variant.sku ?? null,
          skuNormalized: normalizeSku(variant.sku),
          barcode: variant.barcode ?? null,
          options: variant.options ?? [],
          price: "25.0000",
          platformUpdatedAt: REVIEWED_AT,
        },
      }),
    );
  }
  return { product, variants };
}

export async function tiktokProduct(client: Db, stores: Stores, input: { title: string; status?: string; skus: { sellerSku?: string | null; identifierCode?: string | null; options?: Option[] }[] }) {
  const externalId = suffix();
  const product = await client.tikTokProduct.create({
    data: { organizationId: stores.organizationId, connectionId: stores.tiktokConnectionId, externalId, title: input.title, status: input.status ?? "ACTIVATE", platformUpdatedAt: REVIEWED_AT },
  });
  const skus = [];
  for (const [i, sku] of input.skus.entries()) {
    skus.push(
      await client.tikTokSku.create({
        data: {
          organizationId: stores.organizationId,
          connectionId: stores.tiktokConnectionId,
          productId: product.id,
          externalId: `${externalId}-${i}`,
          sellerSku: sku.sellerSku ?? null,
          sellerSkuNormalized: normalizeSku(sku.sellerSku),
          identifierCode: sku.identifierCode ?? null,
          options: sku.options ?? [],
          price: "27.5000",
          currency: "USD",
        },
      }),
    );
  }
  return { product, skus };
}
