import { db } from "../db";

/** The product page's header: one of the organization's TikTok products (null for any other id). */
export async function findEditableProduct({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }) {
  if (!/^[a-z0-9]{20,40}$/.test(tiktokProductId)) return null;
  const product = await db().tikTokProduct.findFirst({ where: { id: tiktokProductId, organizationId }, select: { id: true, title: true, externalId: true, connection: { select: { name: true } } } });
  return product ? { id: product.id, title: product.title, externalId: product.externalId, shopName: product.connection.name } : null;
}
