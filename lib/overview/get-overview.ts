import { listProducts } from "../catalog/list-products";
import { listConnections } from "../connections/list-connections";

/** What the Overview shows today: the stores and their health, and mapping progress. */
export async function getOverview({ organizationId }: { organizationId: string }) {
  const connections = await listConnections({ organizationId });
  const stores = [...connections.shopify.map((c) => ({ ...c, platform: "Shopify" as const })), ...connections.tiktok.map((c) => ({ ...c, platform: "TikTok Shop" as const }))];
  const products = stores.length > 0 ? (await listProducts({ organizationId, query: { tab: "unmapped", limit: 1 } })).counts : null;
  return {
    stores: stores.map((s) => ({ id: s.id, name: s.name, platform: s.platform, status: s.status, statusReason: s.statusReason, lastCheckedAt: s.lastCheckedAt })),
    products,
  };
}
