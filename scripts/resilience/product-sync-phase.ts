// Phase: product sync Shopify → TikTok under the same faults. Auto-sync is switched on for the tenant, every
// Shopify product gets a new title and price, and every TikTok listing must follow: the products/update
// webhooks that arrive sync at once; the reconciliation (every six hours in production, requested here as
// soon as the webhooks have had their chance) catches the dropped ones. No product may be reported synced
// while its TikTok listing still differs.
import type { Harness } from "./harness";
import type { Phase, PhaseResult } from "./phase";
import type { Tenant } from "./tenant";

interface SandboxTikTokProduct {
  title: string;
  skus: { price: { sale_price: string } }[];
  underReview: { version: { title: string } } | null;
}

const NEW_PRICE = "14.00";
const newTitle = (sku: string) => `Product ${sku} (resilience edit)`;

export function productSyncPhase(options: { timeoutMs: number }): Phase {
  return {
    name: "product sync Shopify → TikTok",
    async run({ h, tenant, log }: { h: Harness; tenant: Tenant; log: (line: string) => void }): Promise<PhaseResult> {
      const { db } = await import("../../lib/db");
      const { inngest } = await import("../../inngest/client");
      const { productSyncShopRequested } = await import("../../inngest/events");
      // The merchant's choice, stored as Settings stores it; the overwrite preview has its own tests.
      await db().organizationSettings.upsert({
        where: { organizationId: tenant.organizationId },
        create: { organizationId: tenant.organizationId, settings: { productSync: { autoSync: true } } },
        update: { settings: { productSync: { autoSync: true } } },
      });
      const products = await db().shopifyProduct.findMany({ where: { connectionId: tenant.shopifyConnectionId }, select: { externalId: true, variants: { select: { sku: true } } } });
      for (let i = 0; i < products.length; i += 10) {
        await Promise.all(
          products.slice(i, i + 10).map((p) => {
            const sku = p.variants[0]!.sku!;
            return h.sandbox("PATCH", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/products/${p.externalId}`, { title: newTitle(sku), variants: [{ sku, price: NEW_PRICE }] });
          }),
        );
      }
      log(`${products.length} Shopify products changed; letting their webhooks sync them`);
      const listings = await db().tikTokProduct.findMany({ where: { connectionId: tenant.tiktokConnectionId }, select: { id: true, externalId: true, skus: { select: { sellerSku: true } } } });
      const read = (externalId: string) => h.sandbox<SandboxTikTokProduct>("GET", `/__sandbox/tiktok/shops/${tenant.tiktokShopId}/products/${externalId}`);
      const follows = (listing: SandboxTikTokProduct, sku: string) =>
        (listing.underReview?.version.title ?? listing.title) === newTitle(sku) && listing.skus.every((k) => k.price.sale_price === NEW_PRICE);
      const countFollowing = async () => {
        let n = 0;
        for (const l of listings) if (follows(await read(l.externalId), l.skus[0]!.sellerSku ?? "")) n += 1;
        return n;
      };
      await new Promise((r) => setTimeout(r, 60_000));
      const deadline = Date.now() + options.timeoutMs;
      let following = await countFollowing();
      let reconciles = 0;
      while (following < listings.length && Date.now() < deadline) {
        log(`  ${following} of ${listings.length} TikTok listings follow Shopify; requesting a reconciliation`);
        reconciles += 1;
        await inngest.send(productSyncShopRequested.create({ organizationId: tenant.organizationId, tiktokConnectionId: tenant.tiktokConnectionId, reason: "reconcile" }));
        await new Promise((r) => setTimeout(r, 30_000));
        following = await countFollowing();
      }
      const states = await db().productSyncState.findMany({ where: { organizationId: tenant.organizationId }, select: { tiktokProductId: true, status: true } });
      const synced = new Set(states.filter((s) => s.status === "SYNCED").map((s) => s.tiktokProductId));
      let syncedButStale = 0;
      for (const l of listings) if (synced.has(l.id) && !follows(await read(l.externalId), l.skus[0]!.sellerSku ?? "")) syncedButStale += 1;
      return {
        checks: [
          { name: "Shopify products changed", expected: listings.length, actual: products.length },
          { name: "TikTok listings with Shopify's new title and price", expected: listings.length, actual: following },
          { name: "products Synced in Ferry", expected: listings.length, actual: synced.size },
          { name: "products reported Synced whose listing differs", expected: 0, actual: syncedButStale },
        ],
        notes: [`reconciliations requested: ${reconciles}; sync states: ${[...new Set(states.map((s) => s.status))].map((st) => `${st} ${states.filter((s) => s.status === st).length}`).join(", ")}`],
      };
    },
  };
}
