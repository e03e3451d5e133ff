import { inngest } from "@/inngest/client";
import { productSyncRequested } from "@/inngest/events";
import type { OrgContext } from "../auth/org-access";
import { db } from "../db";
import { conflict, notFound } from "../errors";
import { getShopSettings } from "../settings/get-shop-settings";

/** "Sync now" (and "Retry") on one product: queued at once, outside any debounce. */
export async function requestProductSync({ org, tiktokProductId }: { org: OrgContext; tiktokProductId: string }) {
  const product = await db().tikTokProduct.findFirst({
    where: { id: tiktokProductId, organizationId: org.organizationId },
    select: { id: true, connectionId: true, skus: { where: { mapping: { status: "ACTIVE" } }, select: { id: true }, take: 1 } },
  });
  if (!product) throw notFound("Product not found.");
  if (product.skus.length === 0) throw conflict("Map the product first: only mapped products follow Shopify.");
  const settings = await getShopSettings({ organizationId: org.organizationId, tiktokConnectionId: product.connectionId });
  if (!settings.productSync.autoSync) throw conflict("Auto-sync is off for this shop: switch it on under Settings → Product sync (after its overwrite preview).");
  await db().productSyncState.upsert({
    where: { tiktokProductId: product.id },
    create: { organizationId: org.organizationId, tiktokConnectionId: product.connectionId, tiktokProductId: product.id, status: "QUEUED" },
    update: { status: "QUEUED" },
  });
  await inngest.send(productSyncRequested.create({ organizationId: org.organizationId, tiktokConnectionId: product.connectionId, tiktokProductId: product.id, reason: "sync-now" }));
  return { queued: true };
}
