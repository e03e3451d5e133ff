import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { recordActivity } from "../activity/record-activity";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { announceConnected } from "./announce-connected";
import { authorizedShopsSchema } from "./authorized-shops";

export const connectTikTokShopsSchema = z
  .object({
    authorizationId: z.string().min(1).max(40),
    shops: z
      .array(z.object({ shopId: z.string().min(1).max(64), shopifyConnectionId: z.string().min(1).max(40) }).strict())
      .min(1, "Choose at least one shop.")
      .max(50),
  })
  .strict();

export type ConnectTikTokShopsInput = z.infer<typeof connectTikTokShopsSchema>;

/** Connects the chosen TikTok shops of an authorization, each paired with a Shopify store. */
export async function connectTikTokShops({ org, input }: { org: OrgContext; input: ConnectTikTokShopsInput }) {
  const credential = await db().credential.findFirst({
    where: { id: input.authorizationId, organizationId: org.organizationId, platform: "TIKTOK" },
    select: { id: true, authorizedShops: true },
  });
  if (!credential) throw notFound("Authorization not found. Connect TikTok Shop again.");
  const authorized = authorizedShopsSchema.parse(credential.authorizedShops ?? []);
  if (new Set(input.shops.map((s) => s.shopId)).size !== input.shops.length) throw new AppError("BAD_REQUEST", "Each shop can be chosen once.");

  const shopifyIds = [...new Set(input.shops.map((s) => s.shopifyConnectionId))];
  const shopifyStores = await db().connection.findMany({
    where: { id: { in: shopifyIds }, organizationId: org.organizationId, platform: "SHOPIFY" },
    select: { id: true, name: true, status: true },
  });
  for (const id of shopifyIds) {
    const store = shopifyStores.find((s) => s.id === id);
    if (!store) throw new AppError("BAD_REQUEST", "Choose one of your connected Shopify stores for each shop.");
    if (store.status !== "ACTIVE") throw new AppError("CONFLICT", `${store.name} is not connected. Re-authorize it first.`);
  }

  const connected = await db().$transaction(async (tx) => {
    const results: { id: string; name: string }[] = [];
    for (const choice of input.shops) {
      const shop = authorized.find((s) => s.id === choice.shopId);
      if (!shop) throw new AppError("BAD_REQUEST", `Shop ${choice.shopId} is not covered by this authorization.`);
      const existing = await tx.connection.findUnique({ where: { platform_externalId: { platform: "TIKTOK", externalId: shop.id } }, select: { id: true, organizationId: true } });
      if (existing && existing.organizationId !== org.organizationId) {
        throw new AppError("CONFLICT", `${shop.name} is already connected to another Ferry organization. Disconnect it there first.`);
      }
      const data = {
        name: shop.name,
        region: shop.region,
        sellerType: shop.sellerType,
        shopCipher: shop.cipher,
        credentialId: credential.id,
        pairedShopifyId: choice.shopifyConnectionId,
        status: "ACTIVE" as const,
        statusReason: null,
        disconnectedAt: null,
        reauthorizeBy: null,
        authorizedAt: new Date(),
      };
      // Reconnecting the same shop restores the row, and with it mappings and settings.
      const row = existing
        ? await tx.connection.update({ where: { id: existing.id }, data, select: { id: true, name: true } })
        : await tx.connection.create({
            data: { ...data, organizationId: org.organizationId, platform: "TIKTOK", externalId: shop.id, connectedById: org.userId },
            select: { id: true, name: true },
          });
      results.push(row);
    }
    return results;
  });

  for (const row of connected) {
    await recordAudit({ organizationId: org.organizationId, actorUserId: org.userId, action: "connection.connected", target: { type: "connection", id: row.id }, summary: `Connected the TikTok shop ${row.name}.` });
    const pairedWith = shopifyStores.find((s) => s.id === input.shops.find((c) => authorized.find((a) => a.id === c.shopId)?.name === row.name)?.shopifyConnectionId);
    await recordActivity({
      organizationId: org.organizationId,
      type: "connections.connected",
      level: "SUCCESS",
      message: `${row.name} (TikTok Shop) connected${pairedWith ? ` and paired with ${pairedWith.name}` : ""}.`,
      subjectType: "connection",
      subjectId: row.id,
    });
  }
  await announceConnected({ organizationId: org.organizationId, connectionIds: connected.map((c) => c.id) });
  return { connected };
}
