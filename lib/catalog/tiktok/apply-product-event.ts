import { db } from "../../db";
import { getProductDetail } from "./catalog-api";
import { fromUnixSeconds } from "./product-fields";
import { loadTikTokShopAccess } from "./shop-access";
import { markProductDeleted, writeProductDetail } from "./write-product";

export interface ApplyTikTokProductEventOptions {
  connectionId: string;
  productId: string;
  /** The event's update_time (Unix seconds), when it carries one. */
  updateTime?: number | null;
}

export type ApplyTikTokProductEventResult = "written" | "deleted" | "stale";

/**
 * PRODUCT_CREATION, PRODUCT_INFORMATION_CHANGE and PRODUCT_STATUS_CHANGE: re-reads the product and upserts
 * it. Events arrive late and out of order, so one older than what we hold is ignored without a call, and
 * the write itself never replaces a newer update_time.
 */
export async function applyTikTokProductEvent({ connectionId, productId, updateTime }: ApplyTikTokProductEventOptions): Promise<ApplyTikTokProductEventResult> {
  const shop = await loadTikTokShopAccess(connectionId);
  if (updateTime !== undefined && updateTime !== null) {
    const stored = await db().tikTokProduct.findUnique({
      where: { connectionId_externalId: { connectionId, externalId: productId } },
      select: { platformUpdatedAt: true },
    });
    if (stored && stored.platformUpdatedAt > fromUnixSeconds(updateTime)) return "stale";
  }
  const detail = await getProductDetail({ shop, productId });
  if (!detail) {
    const updatedAt = updateTime ? fromUnixSeconds(updateTime) : new Date();
    return (await markProductDeleted({ shop, externalId: productId, updatedAt })) ? "deleted" : "stale";
  }
  const outcome = await writeProductDetail({ shop, detail });
  return outcome === "written" && detail.status === "DELETED" ? "deleted" : outcome;
}
