import { db } from "../db";
import { authorizedShopsSchema } from "./authorized-shops";

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Everything the Connections page shows for one organization. Never includes tokens. */
export async function listConnections({ organizationId }: { organizationId: string }) {
  const [connections, tiktokCredentials] = await Promise.all([
    db().connection.findMany({
      where: { organizationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        platform: true,
        externalId: true,
        name: true,
        region: true,
        sellerType: true,
        currency: true,
        timeZone: true,
        status: true,
        statusReason: true,
        webhooksReadyAt: true,
        webhookError: true,
        reauthorizeBy: true,
        lastCheckedAt: true,
        lastSuccessfulCallAt: true,
        createdAt: true,
        pairedShopifyId: true,
        credential: { select: { accessTokenExpiresAt: true, refreshTokenExpiresAt: true, sellerName: true } },
      },
    }),
    db().credential.findMany({
      where: { organizationId, platform: "TIKTOK" },
      orderBy: { createdAt: "asc" },
      select: { id: true, sellerName: true, authorizedShops: true },
    }),
  ]);
  const byId = new Map(connections.map((c) => [c.id, c]));
  const common = (c: (typeof connections)[number]) => ({
    id: c.id,
    name: c.name,
    status: c.status,
    statusReason: c.statusReason,
    tokenExpiresAt: iso(c.credential.accessTokenExpiresAt),
    lastCheckedAt: iso(c.lastCheckedAt),
    lastSuccessfulCallAt: iso(c.lastSuccessfulCallAt),
    webhooksReady: c.webhooksReadyAt !== null,
    webhookError: c.webhookError,
    /** Set when the platform warned the authorization expires: show a "Re-authorize" banner. */
    reauthorizeBy: iso(c.reauthorizeBy),
    connectedAt: c.createdAt.toISOString(),
  });
  const shopify = connections
    .filter((c) => c.platform === "SHOPIFY")
    .map((c) => ({
      ...common(c),
      shop: c.externalId,
      currency: c.currency,
      timeZone: c.timeZone,
      pairedTikTokShops: connections.filter((t) => t.pairedShopifyId === c.id).map((t) => ({ id: t.id, name: t.name })),
    }));
  const tiktok = connections
    .filter((c) => c.platform === "TIKTOK")
    .map((c) => {
      const paired = c.pairedShopifyId ? byId.get(c.pairedShopifyId) : undefined;
      return {
        ...common(c),
        shopId: c.externalId,
        region: c.region,
        sellerType: c.sellerType,
        sellerName: c.credential.sellerName,
        refreshTokenExpiresAt: iso(c.credential.refreshTokenExpiresAt),
        pairedShopify: paired ? { id: paired.id, name: paired.name } : null,
      };
    });
  const connectedByShopId = new Map(connections.filter((c) => c.platform === "TIKTOK").map((c) => [c.externalId, c]));
  const pendingTikTokAuthorizations = tiktokCredentials
    .map((credential) => ({
      id: credential.id,
      sellerName: credential.sellerName,
      shops: authorizedShopsSchema.catch([]).parse(credential.authorizedShops).map((shop) => ({
        shopId: shop.id,
        name: shop.name,
        region: shop.region,
        sellerType: shop.sellerType,
        connectedConnectionId: connectedByShopId.get(shop.id)?.status === "ACTIVE" ? connectedByShopId.get(shop.id)!.id : null,
      })),
    }))
    .filter((authorization) => authorization.shops.some((shop) => shop.connectedConnectionId === null));
  return { shopify, tiktok, pendingTikTokAuthorizations };
}

export type ConnectionsList = Awaited<ReturnType<typeof listConnections>>;
