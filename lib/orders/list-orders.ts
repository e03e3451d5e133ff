import { z } from "zod";
import { shopifyConfig } from "../connections/platform-config";
import { db, type Prisma } from "../db";
import { badRequest } from "../errors";
import { shopAdminUrl } from "../platforms/shopify/config";

export const ORDER_STATES = ["WAITING", "HELD", "CREATED", "NEEDS_ATTENTION", "SKIPPED", "CANCELLED", "FULFILLED", "TRACKING_SENT"] as const;

export const listOrdersQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  state: z.enum(ORDER_STATES).optional(),
  tiktokConnectionId: z.string().min(1).max(40).optional(),
  /** A TikTok order id, or a Shopify order name such as #1001. */
  q: z.string().trim().min(1).max(60).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

// Keyset pagination on (createdAt desc, id desc), as Activity.
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(Number(time));
  if (!id || Number.isNaN(createdAt.getTime())) throw badRequest("The page cursor is not valid.");
  return { createdAt, id };
}
const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.getTime()}|${row.id}`).toString("base64url");

export const orderSelect = {
  id: true, tiktokOrderId: true, tiktokConnectionId: true, tiktokStatus: true, state: true, stateReason: true, lastError: true, shopifyOrderId: true,
  shopifyOrderName: true, currency: true, totalAmount: true, itemCount: true, isSample: true, tiktokCreatedAt: true, importedAt: true, createdAt: true, updatedAt: true,
} satisfies Prisma.TikTokOrderSelect;
type OrderRow = Prisma.TikTokOrderGetPayload<{ select: typeof orderSelect }>;

/** The link to a Shopify order in its store's admin. */
export function shopifyOrderUrl(shopDomain: string | null | undefined, shopifyOrderId: string | null): string | null {
  if (!shopDomain || !shopifyOrderId) return null;
  return `${shopAdminUrl({ adminBaseUrl: shopifyConfig().adminBaseUrl, shop: shopDomain })}/admin/orders/${shopifyOrderId.slice(shopifyOrderId.lastIndexOf("/") + 1)}`;
}

export function orderView(row: OrderRow, shops: Map<string, { name: string; shopifyDomain: string | null }>) {
  const shop = shops.get(row.tiktokConnectionId);
  return {
    ...row,
    shopName: shop?.name ?? null,
    shopifyOrderUrl: shopifyOrderUrl(shop?.shopifyDomain, row.shopifyOrderId),
    canRetry: row.state === "NEEDS_ATTENTION" || row.state === "WAITING" || (!!row.lastError && !row.shopifyOrderId),
    tiktokCreatedAt: row.tiktokCreatedAt?.toISOString() ?? null,
    importedAt: row.importedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function shopsOf(organizationId: string) {
  const shops = await db().connection.findMany({ where: { organizationId, platform: "TIKTOK" }, select: { id: true, name: true, pairedShopify: { select: { externalId: true } } } });
  return new Map(shops.map((s) => [s.id, { name: s.name, shopifyDomain: s.pairedShopify?.externalId ?? null }]));
}

export async function listOrders({ organizationId, query }: { organizationId: string; query: ListOrdersQuery }) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const q = query.q?.replace(/^#/, "");
  const rows = await db().tikTokOrder.findMany({
    where: {
      organizationId,
      state: query.state,
      tiktokConnectionId: query.tiktokConnectionId,
      ...(q && { OR: [{ tiktokOrderId: q }, { shopifyOrderName: `#${q}` }, { shopifyOrderName: q }] }),
      ...(after && { AND: [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: orderSelect,
  });
  const [shops, attention] = await Promise.all([shopsOf(organizationId), db().tikTokOrder.count({ where: { organizationId, state: "NEEDS_ATTENTION" } })]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    orders: page.map((row) => orderView(row, shops)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    needsAttention: attention,
  };
}
