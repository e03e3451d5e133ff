import { z } from "zod";
import { inngest } from "@/inngest/client";
import { productSyncPreviewRequested } from "@/inngest/events";
import type { OrgContext } from "../../auth/org-access";
import { db, type Prisma } from "../../db";
import { badRequest, notFound } from "../../errors";
import { getShopSettings } from "../../settings/get-shop-settings";
import { productSyncSchema } from "../../settings/sections/product-sync-settings";
import { settingsHash } from "./settings-hash";

const id = z.string().min(1).max(64);

export const startPreviewSchema = z.discriminatedUnion("purpose", [
  z.object({
    purpose: z.literal("settings"),
    /** null: the organization's defaults, for every shop that inherits them. */
    tiktokConnectionId: id.nullable(),
    /** The settings about to be saved. */
    settings: z.record(z.string(), z.unknown()),
  }).strict(),
  z.object({
    purpose: z.literal("mapping"),
    tiktokConnectionId: id,
    /** The rows "Map" is about to apply. */
    rows: z.array(z.object({ tiktokSkuId: id, shopifyVariantId: id }).passthrough()).min(1).max(100_000),
  }).strict(),
]);
export type StartPreviewInput = z.infer<typeof startPreviewSchema>;

/** Starts computing "what will be overwritten" in the background; the client polls it. Writes nothing to TikTok. */
export async function startSyncPreview({ org, input }: { org: OrgContext; input: StartPreviewInput }) {
  const { organizationId } = org;
  if (input.tiktokConnectionId !== null) {
    const shop = await db().connection.findFirst({ where: { id: input.tiktokConnectionId, organizationId, platform: "TIKTOK" }, select: { id: true } });
    if (!shop) throw notFound("TikTok shop not found.");
  }
  let settings;
  let rows: Prisma.InputJsonArray | undefined;
  if (input.purpose === "settings") {
    const parsed = productSyncSchema.strict().safeParse(input.settings);
    if (!parsed.success) throw badRequest(`Product sync settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    settings = { ...parsed.data, autoSync: true };
  } else {
    settings = (await getShopSettings({ organizationId, tiktokConnectionId: input.tiktokConnectionId })).productSync;
    if (!settings.autoSync) throw badRequest("Auto-sync is off for this shop: mapping overwrites nothing, so there is nothing to preview.");
    const skuIds = [...new Set(input.rows.map((r) => r.tiktokSkuId))];
    const owned = await db().tikTokSku.count({ where: { id: { in: skuIds }, organizationId, connectionId: input.tiktokConnectionId } });
    if (owned !== skuIds.length) throw notFound("Some of those TikTok SKUs were not found in this shop.");
    rows = input.rows.map((r) => ({ tiktokSkuId: r.tiktokSkuId, shopifyVariantId: r.shopifyVariantId }));
  }
  const preview = await db().productSyncPreview.create({
    data: {
      organizationId,
      tiktokConnectionId: input.tiktokConnectionId,
      purpose: input.purpose,
      settings: settings as unknown as Prisma.InputJsonObject,
      settingsHash: settingsHash(settings),
      rows,
      createdById: org.userId,
    },
    select: { id: true },
  });
  await inngest.send(productSyncPreviewRequested.create({ organizationId, previewId: preview.id }, { id: `sync-preview-${preview.id}` }));
  return { previewId: preview.id };
}
