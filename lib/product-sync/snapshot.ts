import { db, type Prisma } from "../db";
import type { TikTokListing } from "./listing";
import type { SyncTarget } from "./load-sync-target";

/** A listing as stored in a snapshot: what an undo puts back. */
export function snapshotContent(listing: TikTokListing): Prisma.InputJsonObject {
  return {
    title: listing.title,
    description: listing.description,
    mainImages: listing.mainImages.map((i) => ({ uri: i.uri, urls: i.urls })),
    skus: listing.skus.map((s) => ({ id: s.id, sellerSku: s.sellerSku, price: s.price, currency: s.currency, listPrice: s.listPrice, inventory: s.inventory.map((w) => ({ ...w })) })),
  };
}

/**
 * Keeps TikTok's content as it was before Ferry's first overwrite (ARCHITECTURE.md, data rules). Only the
 * first snapshot counts: a later sync finds one and keeps it, so an undo restores the merchant's own listing,
 * not an earlier sync's. A restored snapshot is taken again at the next overwrite.
 */
export async function ensureSnapshot({ target, local, global }: { target: SyncTarget; local: TikTokListing; global: { globalProductId: string; listing: TikTokListing } | null }): Promise<void> {
  const data = {
    content: snapshotContent(local),
    globalProductId: global?.globalProductId ?? null,
    globalContent: global ? snapshotContent(global.listing) : undefined,
  };
  await db().productSnapshot.createMany({
    data: [{ organizationId: target.organizationId, tiktokConnectionId: target.tiktok.connectionId, tiktokProductId: target.product.id, ...data }],
    skipDuplicates: true,
  });
  await db().productSnapshot.updateMany({ where: { tiktokProductId: target.product.id, organizationId: target.organizationId, restoredAt: { not: null } }, data: { ...data, takenAt: new Date(), restoredAt: null } });
  if (global) {
    // A global product first overwritten through another market's sync: keep its content too.
    await db().productSnapshot.updateMany({ where: { tiktokProductId: target.product.id, organizationId: target.organizationId, globalProductId: null }, data: { globalProductId: global.globalProductId, globalContent: snapshotContent(global.listing) } });
  }
}
