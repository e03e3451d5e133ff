import { db } from "../../db";
import { notFound } from "../../errors";
import { csvLine } from "./format-csv";

export const EXPORT_COLUMNS = [
  "tiktok_product_id",
  "tiktok_product_title",
  "tiktok_sku_id",
  "seller_sku",
  "shopify_product_title",
  "shopify_variant_id",
  "shopify_sku",
  "rule",
  "status",
  "mapped_at",
] as const;

const PAGE_SIZE = 1_000;

export interface ExportMappingsOptions {
  organizationId: string;
  tiktokConnectionId: string;
  /** Rows read per query; smaller only in tests. */
  pageSize?: number;
}

/**
 * Checks the shop belongs to the organization (404 otherwise, before any byte is sent), then
 * returns the file name and the CSV as chunks, one keyset page of mappings (by id) per chunk, so a
 * shop with 100,000 mappings is never held in memory at once.
 */
export async function streamMappingsCsv({ organizationId, tiktokConnectionId, pageSize = PAGE_SIZE }: ExportMappingsOptions) {
  const shop = await db().connection.findFirst({ where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { id: true, name: true } });
  if (!shop) throw notFound("TikTok shop not found.");
  const slug = shop.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "tiktok-shop";
  const filename = `mappings-${slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return { filename, chunks: mappingPages({ organizationId, tiktokConnectionId: shop.id, pageSize }) };
}

async function* mappingPages({ organizationId, tiktokConnectionId, pageSize }: Required<ExportMappingsOptions>): AsyncGenerator<string> {
  // The BOM makes Excel read the file as UTF-8; the importer strips it.
  yield `\uFEFF${csvLine(EXPORT_COLUMNS)}`;
  let cursor: string | undefined;
  for (;;) {
    const page = await db().mapping.findMany({
      where: { organizationId, tiktokConnectionId, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
      select: {
        id: true,
        rule: true,
        status: true,
        createdAt: true,
        tiktokSku: { select: { externalId: true, sellerSku: true, product: { select: { externalId: true, title: true } } } },
        shopifyVariant: { select: { externalId: true, sku: true, product: { select: { title: true } } } },
      },
    });
    if (page.length === 0) return;
    yield page
      .map((m) =>
        csvLine([
          m.tiktokSku.product.externalId,
          m.tiktokSku.product.title,
          m.tiktokSku.externalId,
          m.tiktokSku.sellerSku,
          m.shopifyVariant.product.title,
          m.shopifyVariant.externalId,
          m.shopifyVariant.sku,
          m.rule,
          m.status,
          m.createdAt.toISOString(),
        ]),
      )
      .join("");
    if (page.length < pageSize) return;
    cursor = page[page.length - 1]!.id;
  }
}

/** The whole export as one string: for tests and small shops; the route streams. */
export async function exportMappingsCsv(options: ExportMappingsOptions): Promise<string> {
  const { chunks } = await streamMappingsCsv(options);
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}
