import { listProducts } from "../catalog/list-products";
import { listConnections } from "../connections/list-connections";
import { db } from "../db";
import { countFailuresByDay } from "./count-failures-by-day";
import { recentDays } from "./day-series";
import { getOrderStats } from "./get-order-stats";
import { listLatestProblems } from "./list-latest-problems";

/** Days the Overview's charts cover, ending today in the organization's time zone. */
export const OVERVIEW_DAYS = 14;

/** What the Overview shows: stores and their health, mapping progress, orders, failures per day, the latest problems. */
export async function getOverview({ organizationId, now = new Date() }: { organizationId: string; now?: Date }) {
  const { timeZone } = await db().organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timeZone: true } });
  const connections = await listConnections({ organizationId });
  const stores = [...connections.shopify.map((c) => ({ ...c, platform: "Shopify" as const })), ...connections.tiktok.map((c) => ({ ...c, platform: "TikTok Shop" as const }))];
  const days = recentDays({ now, timeZone, count: OVERVIEW_DAYS });
  const [products, orders, failuresByDay, latestProblems] = await Promise.all([
    stores.length > 0 ? listProducts({ organizationId, query: { tab: "unmapped", limit: 1 } }).then((r) => r.counts) : null,
    getOrderStats({ organizationId, timeZone, days }),
    countFailuresByDay({ organizationId, timeZone, days }),
    listLatestProblems({ organizationId }),
  ]);
  return {
    timeZone,
    stores: stores.map((s) => ({ id: s.id, name: s.name, platform: s.platform, status: s.status, statusReason: s.statusReason, lastCheckedAt: s.lastCheckedAt })),
    products,
    orders,
    failuresByDay,
    latestProblems,
  };
}
