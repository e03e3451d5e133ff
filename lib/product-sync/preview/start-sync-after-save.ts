import { randomUUID } from "node:crypto";
import { inngest } from "@/inngest/client";
import { productSyncShopRequested } from "@/inngest/events";
import type { ProductSyncSettings } from "../../settings/sections/product-sync-settings";
import { previewShops } from "./preview-scope";
import { settingsHash } from "./settings-hash";

/** Auto-sync was switched on (or its rules changed while on): sync the shops it covers now. */
export async function startSyncAfterSave({ organizationId, tiktokConnectionId, previous, next }: { organizationId: string; tiktokConnectionId: string | null; previous: ProductSyncSettings; next: ProductSyncSettings }): Promise<void> {
  if (!next.autoSync || (previous.autoSync && settingsHash(previous) === settingsHash(next))) return;
  const shops = await previewShops({ organizationId, tiktokConnectionId });
  if (shops.length === 0) return;
  const save = randomUUID();
  await inngest.send(shops.map((id) => productSyncShopRequested.create({ organizationId, tiktokConnectionId: id, reason: "settings" }, { id: `sync-settings-${save}-${id}` })));
}
