import { z } from "zod";
import { recordActivity } from "../activity/record-activity";
import { db } from "../db";
import { isAppError } from "../errors";
import { isTikTokApiError } from "../platforms/tiktok/errors";
import { sameAmount } from "./money";
import { failureMessage } from "./sync-product";
import { editGlobalContent, editLocalContent, readGlobalListing, readLocalListing, updatePrices } from "./tiktok/listing-api";

const snapshotSchema = z.object({
  title: z.string(),
  description: z.string(),
  mainImages: z.array(z.object({ uri: z.string(), urls: z.array(z.string()) })),
  skus: z.array(z.object({ id: z.string(), price: z.string().nullable(), listPrice: z.string().nullable() })),
});

export type RestoreOutcome = { restored: true; writes: string[] } | { restored: false; why: string };

/**
 * Puts a TikTok listing back as it was before Ferry's first overwrite: title, description and images (on the
 * global product for cross-border shops) and prices, each only where they differ now. Stock is not put back:
 * it moved with sales since, and restoring an old count would oversell.
 */
export async function restoreSnapshot({ organizationId, tiktokProductId }: { organizationId: string; tiktokProductId: string }): Promise<RestoreOutcome> {
  const snapshot = await db().productSnapshot.findFirst({ where: { organizationId, tiktokProductId, restoredAt: null } });
  if (!snapshot) return { restored: false, why: "no snapshot to restore (Ferry never overwrote it, or it was restored already)" };
  const product = await db().tikTokProduct.findFirst({ where: { id: tiktokProductId, organizationId }, select: { externalId: true, title: true, connection: { select: { id: true, name: true, credentialId: true, shopCipher: true, currency: true, status: true } } } });
  if (!product?.connection.shopCipher || product.connection.status !== "ACTIVE") return { restored: false, why: "the TikTok shop is not connected" };
  const shop = { credentialId: product.connection.credentialId, shopCipher: product.connection.shopCipher, currency: product.connection.currency ?? "" };
  const saved = snapshotSchema.parse(snapshot.content);
  const writes: string[] = [];
  try {
    if (snapshot.globalProductId && snapshot.globalContent) {
      const global = snapshotSchema.parse(snapshot.globalContent);
      const { listing } = await readGlobalListing({ credentialId: shop.credentialId, globalProductId: snapshot.globalProductId });
      const content = contentDiff({ now: listing, saved: global });
      if (Object.keys(content).length > 0) {
        await editGlobalContent({ credentialId: shop.credentialId, globalProductId: snapshot.globalProductId, content });
        writes.push("global content");
      }
    }
    const now = await readLocalListing({ shop: { ...shop, currency: shop.currency }, productId: product.externalId });
    if (!shop.currency) shop.currency = now.skus[0]?.currency ?? "";
    if (!snapshot.globalProductId) {
      const content = contentDiff({ now, saved });
      if (Object.keys(content).length > 0) {
        await editLocalContent({ shop, productId: product.externalId, content });
        writes.push("content");
      }
    }
    const current = new Map(now.skus.map((s) => [s.id, s]));
    const prices = saved.skus.filter((s) => s.price && current.has(s.id) && !sameAmount(current.get(s.id)!.price, s.price)).map((s) => ({ id: s.id, price: s.price!, listPrice: null }));
    if (prices.length > 0) {
      await updatePrices({ shop, productId: product.externalId, prices });
      writes.push("price");
    }
  } catch (error) {
    if (!isAppError(error) && !(isTikTokApiError(error) && error.kind === "userFixable")) throw error;
    await recordActivity({ organizationId, type: "product_sync.restore_failed", level: "ERROR", message: `${product.title} could not be restored on TikTok: ${failureMessage(error)}`, subjectType: "tiktokProduct", subjectId: tiktokProductId });
    return { restored: false, why: failureMessage(error) };
  }
  await db().productSnapshot.update({ where: { id: snapshot.id }, data: { restoredAt: new Date() } });
  await db().productSyncState.deleteMany({ where: { organizationId, tiktokProductId } });
  await recordActivity({
    organizationId,
    type: "product_sync.restored",
    level: "INFO",
    message: `${product.title} (${product.connection.name}) was put back on TikTok as it was before Ferry's first overwrite${writes.length ? ` (${writes.join(", ")})` : " (it already was)"}.`,
    subjectType: "tiktokProduct",
    subjectId: tiktokProductId,
    data: { writes },
  });
  return { restored: true, writes };
}

function contentDiff({ now, saved }: { now: { title: string; description: string; mainImages: { uri: string }[] }; saved: z.infer<typeof snapshotSchema> }): Record<string, unknown> {
  const content: Record<string, unknown> = {};
  if (saved.title && now.title !== saved.title) content.title = saved.title;
  if (saved.description && now.description.trim() !== saved.description.trim()) content.description = saved.description;
  const uris = (list: { uri: string }[]) => list.map((i) => i.uri).join("|");
  if (saved.mainImages.length > 0 && uris(now.mainImages) !== uris(saved.mainImages)) content.main_images = saved.mainImages.map((i) => ({ uri: i.uri }));
  return content;
}
