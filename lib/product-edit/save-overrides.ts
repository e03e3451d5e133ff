import { db, type Prisma } from "../db";
import { badRequest } from "../errors";
import type { ListingOverrides, OverrideInput } from "./override-input";
import { validateOverrides, type OverrideContext } from "./validate-overrides";

/** Refuses the whole save, with every problem, when any value breaks TikTok's limits; nothing is written then. */
export function assertValidOverrides(input: OverrideInput, ctx: OverrideContext): void {
  const errors = validateOverrides(input, ctx);
  if (errors.length > 0) throw badRequest(`${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`, errors);
}

/**
 * Writes the input's fields as overrides (null deletes one: "Use Shopify's value"), in one transaction. The caller
 * checked the product belongs to the organization and validated the input.
 */
export async function writeOverrides({ tx, organizationId, tiktokProductId, userId, input, merged }: { tx?: Prisma.TransactionClient; organizationId: string; tiktokProductId: string; userId: string; input: OverrideInput; merged: ListingOverrides }) {
  const client = tx ?? db();
  const key = (field: string, tiktokSkuId = "") => ({ tiktokProductId_field_tiktokSkuId: { tiktokProductId, field, tiktokSkuId } });
  const scope = merged.scope;
  const put = async (field: string, value: Prisma.InputJsonValue | null, tiktokSkuId = "") => {
    if (value === null) {
      await client.productOverride.deleteMany({ where: { organizationId, tiktokProductId, field, tiktokSkuId } });
      return;
    }
    const data = { value, scope, updatedByUserId: userId };
    await client.productOverride.upsert({ where: key(field, tiktokSkuId), create: { organizationId, tiktokProductId, field, tiktokSkuId, ...data }, update: data });
  };
  if (input.title !== undefined) await put("title", input.title === null ? null : input.title.trim());
  if (input.description !== undefined) await put("description", input.description);
  if (input.images !== undefined) await put("images", input.images);
  for (const p of input.prices ?? []) await put("price", p.amount === null ? null : p.amount.trim(), p.tiktokSkuId);
  for (const a of input.allocation ?? []) await put("inventory", a.allocatePercent === null ? null : { allocatePercent: a.allocatePercent }, a.tiktokSkuId);
  // The content overrides share one target (cross-border: the global product or this market's).
  if (input.scope) await client.productOverride.updateMany({ where: { organizationId, tiktokProductId, field: { in: ["title", "description", "images"] } }, data: { scope } });
}
