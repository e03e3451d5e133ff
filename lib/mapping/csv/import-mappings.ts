import { z } from "zod";
import { db, type Prisma } from "../../db";
import { badRequest } from "../../errors";
import { retryOrdersUnblockedByMapping } from "../../orders/retry-unblocked-orders";
import { getPairedStoresOrThrow } from "../compute-proposals";
import { mapOtherMarkets, otherMarkets } from "../map-other-markets";
import { readImportRows } from "./read-import-rows";
import { validateImport, type ImportChange, type ImportRowError, type ImportValidation } from "./validate-import";

export const importMappingsSchema = z
  .object({
    tiktokConnectionId: z.string().min(1).max(40),
    csv: z.string().min(1, "Choose a CSV file to import."),
    dryRun: z.boolean().default(true),
  })
  .strict();

// A report of 20,000 failing rows would be megabytes; the member fixes the first ones and runs again.
const REPORT_LIMIT = 1_000;
const WRITE_CHUNK = 5_000;

export interface ImportMappingsOptions {
  org: { organizationId: string; userId: string };
  tiktokConnectionId: string;
  csv: string;
  dryRun: boolean;
}

export interface ImportMappingsReport {
  dryRun: boolean;
  imported: boolean;
  rows: number;
  create: number;
  change: number;
  unchanged: number;
  /** Cross-border: SKUs of the same global SKUs mapped in the organization's other markets (0 on a dry run). */
  otherMarketSkus: number;
  errorCount: number;
  errors: ImportRowError[];
  changes: Omit<ImportChange, "tiktokSkuId" | "shopifyVariantId">[];
}

/**
 * Maps TikTok SKUs to Shopify variants from a CSV (rule MANUAL). A dry run validates every row and
 * reports errors and the rows that would be created or changed, writing nothing. A real run
 * validates again under the shop's mapping lock, so the checks still hold when it writes, and
 * writes everything or, if any row fails, nothing (a 400 carrying the same report).
 */
export async function importMappingsCsv({ org, tiktokConnectionId, csv, dryRun }: ImportMappingsOptions): Promise<ImportMappingsReport> {
  const { organizationId } = org;
  const { tiktok, shopify } = await getPairedStoresOrThrow({ organizationId, tiktokConnectionId });
  const rows = readImportRows(csv);
  const scope = { organizationId, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id, rows };
  if (dryRun) return toReport({ dryRun, imported: false, rows: rows.length, validation: await validateImport({ client: db(), ...scope }), otherMarketSkus: 0 });

  const markets = await otherMarkets({ organizationId, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id });
  const { validation, otherMarketSkus } = await db().$transaction(
    async (tx) => {
      // The same per-shop lock as Bulk auto-map and map-by-hand: "variant already mapped" stays true.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mapping:${tiktok.id}`}))`;
      const checked = await validateImport({ client: tx, ...scope });
      if (checked.errors.length > 0 || checked.changes.length === 0) return { validation: checked, otherMarketSkus: 0 };
      await writeMappings({ tx, org, tiktokConnectionId: tiktok.id, shopifyConnectionId: shopify.id, changes: checked.changes });
      // Cross-border: the same global SKUs in the other markets, where still unmapped (as map-by-hand does).
      const mapped = checked.changes.map((c) => ({ tiktokSkuId: c.tiktokSkuId, shopifyVariantId: c.shopifyVariantId, rule: "MANUAL" as const }));
      const others = await mapOtherMarkets({ tx, organizationId, shopifyConnectionId: shopify.id, markets, mapped, createdById: org.userId });
      const created = checked.changes.filter((c) => c.action === "create").length;
      await tx.activityEntry.create({
        data: {
          organizationId,
          type: "mapping.csv_imported",
          level: "SUCCESS",
          message:
            `CSV import: ${checked.changes.length} ${checked.changes.length === 1 ? "SKU" : "SKUs"} mapped (${created} new, ${checked.changes.length - created} changed).` +
            (others > 0 ? ` The same global SKUs were mapped in the other markets too (${others} SKUs).` : ""),
          subjectType: "connection",
          subjectId: tiktok.id,
          connectionId: tiktok.id,
        },
      });
      return { validation: checked, otherMarketSkus: others };
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
  const report = toReport({ dryRun, imported: validation.errors.length === 0, rows: rows.length, validation, otherMarketSkus });
  if (validation.errors.length > 0) {
    throw badRequest(`${report.errorCount} ${report.errorCount === 1 ? "row has an error" : "rows have errors"}; nothing was imported.`, report);
  }
  if (validation.changes.length > 0) {
    // TikTok orders that waited for these SKUs are created now, in every market that got mappings.
    const key = `csv-${Date.now()}`;
    for (const shopId of [tiktok.id, ...(otherMarketSkus > 0 ? markets : [])]) await retryOrdersUnblockedByMapping({ organizationId, tiktokConnectionId: shopId, key });
  }
  return report;
}

interface WriteMappingsOptions {
  tx: Prisma.TransactionClient;
  org: { organizationId: string; userId: string };
  tiktokConnectionId: string;
  shopifyConnectionId: string;
  changes: ImportChange[];
}

// A changed SKU's old mapping (active or archived) is replaced, as map-by-hand does.
async function writeMappings({ tx, org, tiktokConnectionId, shopifyConnectionId, changes }: WriteMappingsOptions): Promise<void> {
  for (let i = 0; i < changes.length; i += WRITE_CHUNK) {
    const chunk = changes.slice(i, i + WRITE_CHUNK);
    const replaced = chunk.filter((c) => c.action === "change").map((c) => c.tiktokSkuId);
    if (replaced.length > 0) await tx.mapping.deleteMany({ where: { organizationId: org.organizationId, tiktokSkuId: { in: replaced } } });
    await tx.mapping.createMany({
      data: chunk.map((c) => ({
        organizationId: org.organizationId,
        tiktokConnectionId,
        shopifyConnectionId,
        tiktokSkuId: c.tiktokSkuId,
        shopifyVariantId: c.shopifyVariantId,
        rule: "MANUAL" as const,
        createdById: org.userId,
      })),
    });
  }
}

function toReport({ dryRun, imported, rows, validation, otherMarketSkus }: { dryRun: boolean; imported: boolean; rows: number; validation: ImportValidation; otherMarketSkus: number }): ImportMappingsReport {
  const create = validation.changes.filter((c) => c.action === "create").length;
  return {
    dryRun,
    imported,
    rows,
    create,
    change: validation.changes.length - create,
    unchanged: validation.unchanged,
    otherMarketSkus,
    errorCount: validation.errors.length,
    errors: validation.errors.slice(0, REPORT_LIMIT),
    // Internal ids stay on the server; the member sees the platforms' ids and SKUs.
    changes: validation.changes.slice(0, REPORT_LIMIT).map(({ row, action, tiktok, shopify }) => ({ row, action, tiktok, shopify })),
  };
}
