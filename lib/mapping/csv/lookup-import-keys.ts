import { normalizeSku } from "../../catalog/normalize-sku";
import type { Prisma } from "../../db";
import type { ImportRow } from "./read-import-rows";

type Client = Prisma.TransactionClient;

// Keeps each `IN (…)` list well below Postgres' 65,535 bind parameters.
const LOOKUP_CHUNK = 5_000;

async function inChunks<T>(values: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const found: T[] = [];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) found.push(...(await read(unique.slice(i, i + LOOKUP_CHUNK))));
  return found;
}

export interface LookupImportKeysOptions {
  client: Client;
  organizationId: string;
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  rows: readonly ImportRow[];
}

/**
 * Every TikTok SKU and Shopify variant the file names, read only within this organization's shop
 * and its paired store: an id of another tenant or store is simply not found, exactly like an id
 * that does not exist. SKU columns are matched on the normalized SKU (indexed).
 */
export async function lookupImportKeys({ client, organizationId, tiktokConnectionId, shopifyConnectionId, rows }: LookupImportKeysOptions) {
  const values = (by: string, side: "tiktok" | "shopify") => rows.flatMap((r) => (r[side]?.by === by ? [r[side]!.value] : []));
  const normalized = (list: string[]) => list.map(normalizeSku).filter((v): v is string => v !== null);
  const skuSelect = {
    id: true,
    externalId: true,
    sellerSku: true,
    sellerSkuNormalized: true,
    product: { select: { deletedAt: true } },
    mapping: { select: { shopifyVariantId: true, status: true } },
  } as const;
  const variantSelect = { id: true, externalId: true, sku: true, skuNormalized: true, deletedAt: true, product: { select: { deletedAt: true } } } as const;
  const skuWhere = { organizationId, connectionId: tiktokConnectionId };
  const variantWhere = { organizationId, connectionId: shopifyConnectionId };

  const skusById = await inChunks(values("id", "tiktok"), (ids) => client.tikTokSku.findMany({ where: { ...skuWhere, externalId: { in: ids } }, select: skuSelect }));
  const skusBySku = await inChunks(normalized(values("sellerSku", "tiktok")), (keys) =>
    client.tikTokSku.findMany({ where: { ...skuWhere, sellerSkuNormalized: { in: keys } }, select: skuSelect }),
  );
  const variantsById = await inChunks(values("id", "shopify"), (ids) => client.shopifyVariant.findMany({ where: { ...variantWhere, externalId: { in: ids } }, select: variantSelect }));
  const variantsBySku = await inChunks(normalized(values("sku", "shopify")), (keys) =>
    client.shopifyVariant.findMany({ where: { ...variantWhere, skuNormalized: { in: keys } }, select: variantSelect }),
  );
  return {
    skuById: new Map(skusById.map((s) => [s.externalId, s])),
    skusBySku: groupBy(skusBySku, (s) => s.sellerSkuNormalized!),
    variantById: new Map(variantsById.map((v) => [v.externalId, v])),
    variantsBySku: groupBy(variantsBySku, (v) => v.skuNormalized!),
  };
}

export type ImportLookups = Awaited<ReturnType<typeof lookupImportKeys>>;
export type FoundSku = NonNullable<ReturnType<ImportLookups["skuById"]["get"]>>;
export type FoundVariant = NonNullable<ReturnType<ImportLookups["variantById"]["get"]>>;

/** Active mappings of this shop that hold the given variants: the "variant already mapped" check. */
export async function readVariantHolders({ client, organizationId, tiktokConnectionId, variantIds }: { client: Client; organizationId: string; tiktokConnectionId: string; variantIds: string[] }) {
  const held = await inChunks(variantIds, (ids) =>
    client.mapping.findMany({
      where: { organizationId, tiktokConnectionId, status: "ACTIVE", shopifyVariantId: { in: ids } },
      select: { shopifyVariantId: true, tiktokSku: { select: { id: true, externalId: true, sellerSku: true } } },
    }),
  );
  return groupBy(held, (m) => m.shopifyVariantId);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
