// Phase: TikTok orders into Shopify under faults, with the app restarted halfway. Exactly one Shopify order per
// TikTok order, each written back to TikTok as its external order reference.
import type { Harness } from "./harness";
import type { Phase, PhaseResult } from "./phase";
import type { Tenant } from "./tenant";

export function orderPhase(options: { orders: number; timeoutMs: number }): Phase {
  return {
    name: "orders TikTok → Shopify",
    async run({ h, tenant, log }: { h: Harness; tenant: Tenant; log: (line: string) => void }): Promise<PhaseResult> {
      const { db } = await import("../../lib/db");
      const placed: string[] = [];
      const place = async (i: number) => {
        const sku = tenant.skus[i % tenant.skus.length]!;
        const other = tenant.skus[(i + 1) % tenant.skus.length]!;
        const { orderId } = await h.sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${tenant.tiktokShopId}/orders`, {
          lineItems: i % 3 === 0 ? [{ sellerSku: sku, quantity: 2 }, { sellerSku: other, quantity: 1 }] : [{ sellerSku: sku, quantity: 1 }],
          status: "AWAITING_SHIPMENT",
          shippingFee: "3.99",
        });
        placed.push(orderId);
      };
      const half = Math.floor(options.orders / 2);
      for (let i = 0; i < half; i += 10) await Promise.all(Array.from({ length: Math.min(10, half - i) }, (_, k) => place(i + k)));
      log(`${placed.length} orders placed; restarting the app`);
      await h.restartApp();
      log("app restarted");
      for (let i = half; i < options.orders; i += 10) await Promise.all(Array.from({ length: Math.min(10, options.orders - i) }, (_, k) => place(i + k)));
      log(`${placed.length} orders placed; waiting for Shopify (dropped webhooks wait for the five-minute poll)`);

      const deadline = Date.now() + options.timeoutMs;
      let shopify: { sourceIdentifier: string | null }[] = [];
      let created = 0;
      for (;;) {
        shopify = (await h.sandbox<{ orders: { sourceIdentifier: string | null }[] }>("GET", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders`)).orders;
        created = await db().tikTokOrder.count({ where: { organizationId: tenant.organizationId, state: "CREATED", externalRefAt: { not: null } } });
        if ((shopify.length >= placed.length && created >= placed.length) || Date.now() > deadline) break;
        log(`  ${shopify.length} Shopify orders, ${created} rows created with their TikTok reference, of ${placed.length}`);
        await new Promise((r) => setTimeout(r, 15_000));
      }
      // Let any straggling duplicate show itself before counting.
      await new Promise((r) => setTimeout(r, 5_000));
      shopify = (await h.sandbox<{ orders: { sourceIdentifier: string | null }[] }>("GET", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders`)).orders;
      const ids = new Set(placed);
      const sources = shopify.map((o) => o.sourceIdentifier);
      let references = 0;
      for (const id of placed) {
        const order = await h.sandbox<{ external_orders: { platform: string }[] }>("GET", `/__sandbox/tiktok/orders/${id}`);
        if (order.external_orders.some((x) => x.platform === "SHOPIFY")) references += 1;
      }
      const states = await db().tikTokOrder.groupBy({ by: ["state"], where: { organizationId: tenant.organizationId }, _count: true });
      return {
        checks: [
          { name: "TikTok orders placed", expected: options.orders, actual: placed.length },
          { name: "Shopify orders", expected: options.orders, actual: shopify.length },
          { name: "distinct TikTok orders in Shopify", expected: options.orders, actual: new Set(sources).size },
          { name: "Shopify orders of another origin", expected: 0, actual: sources.filter((s) => !s || !ids.has(s)).length },
          { name: "orders Created in Ferry", expected: options.orders, actual: states.find((s) => s.state === "CREATED")?._count ?? 0 },
          { name: "TikTok orders with the Shopify reference", expected: options.orders, actual: references },
        ],
        notes: [`Ferry states: ${states.map((s) => `${s.state} ${s._count}`).join(", ")}`],
      };
    },
  };
}
