// Phase: every Shopify order the order phase created is fulfilled with tracking in Shopify, under the same
// faults (dropped and duplicated fulfillments/create webhooks, platform errors and 429s). Every tracking number
// must reach its TikTok order's package exactly once: through the webhooks that arrive, and the fulfillment
// backstop (every five minutes) for those that were dropped.
import type { Harness } from "./harness";
import type { Phase, PhaseResult } from "./phase";
import type { Tenant } from "./tenant";

interface SandboxTikTokOrder {
  package_details: { tracking_number: string; tracking_updates: number }[];
}

export function fulfillmentPhase(options: { timeoutMs: number }): Phase {
  return {
    name: "fulfillments Shopify → TikTok",
    async run({ h, tenant, log }: { h: Harness; tenant: Tenant; log: (line: string) => void }): Promise<PhaseResult> {
      const { db } = await import("../../lib/db");
      const orders = (await h.sandbox<{ orders: { id: string; sourceIdentifier: string | null }[] }>("GET", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders`)).orders.filter(
        (o): o is { id: string; sourceIdentifier: string } => !!o.sourceIdentifier,
      );
      const tracking = (i: number) => `1ZRES${String(i).padStart(11, "0")}`;
      // The merchant's side is the control API, which faults leave alone.
      for (let i = 0; i < orders.length; i += 10) {
        await Promise.all(
          orders.slice(i, i + 10).map((order, k) =>
            h.sandbox("POST", `/__sandbox/shopify/shops/${tenant.shopifyDomain}/orders/${order.id.slice(order.id.lastIndexOf("/") + 1)}/fulfill`, { trackingNumber: tracking(i + k), company: "UPS" }),
          ),
        );
      }
      log(`${orders.length} Shopify orders fulfilled; waiting for TikTok (dropped webhooks wait for the five-minute backstop)`);
      const expected = new Map(orders.map((o, i) => [o.sourceIdentifier, tracking(i)]));
      const deadline = Date.now() + options.timeoutMs;
      let sent = 0;
      for (;;) {
        sent = await db().orderFulfillment.count({ where: { organizationId: tenant.organizationId, status: "TRACKING_SENT" } });
        if (sent >= orders.length || Date.now() > deadline) break;
        log(`  ${sent} of ${orders.length} fulfillments sent to TikTok`);
        await new Promise((r) => setTimeout(r, 15_000));
      }
      await new Promise((r) => setTimeout(r, 5_000));
      let reached = 0;
      let extraPackages = 0;
      let corrections = 0;
      for (const [tiktokOrderId, number] of expected) {
        const order = await h.sandbox<SandboxTikTokOrder>("GET", `/__sandbox/tiktok/orders/${tiktokOrderId}`);
        const ours = order.package_details.filter((p) => p.tracking_number);
        if (ours.some((p) => p.tracking_number === number)) reached += 1;
        extraPackages += Math.max(0, ours.length - 1);
        corrections += ours.reduce((n, p) => n + p.tracking_updates, 0);
      }
      const [rows, states] = await Promise.all([
        db().orderFulfillment.groupBy({ by: ["status"], where: { organizationId: tenant.organizationId }, _count: true }),
        db().tikTokOrder.count({ where: { organizationId: tenant.organizationId, state: "TRACKING_SENT" } }),
      ]);
      return {
        checks: [
          { name: "Shopify orders fulfilled", expected: expected.size, actual: orders.length },
          { name: "TikTok orders shipped with their Shopify tracking", expected: expected.size, actual: reached },
          { name: "TikTok packages shipped twice", expected: 0, actual: extraPackages },
          { name: "tracking corrections sent (none were made)", expected: 0, actual: corrections },
          { name: "fulfillments Tracking sent in Ferry", expected: expected.size, actual: rows.find((r) => r.status === "TRACKING_SENT")?._count ?? 0 },
          { name: "orders Tracking sent on the Orders page", expected: expected.size, actual: states },
        ],
        notes: [`fulfillment rows: ${rows.map((r) => `${r.status} ${r._count}`).join(", ")}`],
      };
    },
  };
}
