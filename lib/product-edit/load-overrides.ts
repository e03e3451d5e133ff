import { db } from "../db";
import { noOverrides, type ListingOverrides } from "./override-input";

/** The overrides of one listing as product sync applies them (every sync reads them: they win over Shopify). */
export async function loadOverrides({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }): Promise<ListingOverrides> {
  const rows = await db().productOverride.findMany({ where: { organizationId, tiktokProductId }, select: { field: true, tiktokSkuId: true, value: true, scope: true } });
  return toListingOverrides(rows);
}

export function toListingOverrides(rows: { field: string; tiktokSkuId: string; value: unknown; scope: string }[]): ListingOverrides {
  const out = noOverrides();
  for (const row of rows) {
    if (row.field === "title" && typeof row.value === "string") out.title = row.value;
    else if (row.field === "description" && typeof row.value === "string") out.description = row.value;
    else if (row.field === "images" && Array.isArray(row.value)) out.images = row.value.filter((v): v is string => typeof v === "string");
    else if (row.field === "price" && typeof row.value === "string") out.prices[row.tiktokSkuId] = row.value;
    else if (row.field === "inventory" && row.value && typeof row.value === "object") {
      const percent = (row.value as { allocatePercent?: unknown }).allocatePercent;
      if (typeof percent === "number") out.allocation[row.tiktokSkuId] = percent;
    }
    if ((row.field === "title" || row.field === "description" || row.field === "images") && row.scope === "local") out.scope = "local";
  }
  return out;
}

export const hasContentOverride = (o: ListingOverrides) => o.title !== undefined || o.description !== undefined || o.images !== undefined;
