// npm run test:resilience: with sandbox faults (errors and 429s on 20% of platform calls, duplicated and
// dropped webhooks) and the app restarted once mid-run, every phase's counts must come out exact. Prints
// every count it checked; exits 1 on any mismatch. RESILIENCE_ORDERS sizes the order phase (default 300).
import { fulfillmentPhase } from "./resilience/fulfillment-phase";
import { orderPhase } from "./resilience/order-phase";
import { productSyncPhase } from "./resilience/product-sync-phase";
import { startHarness } from "./resilience/harness";
import type { Phase } from "./resilience/phase";
import { setUpTenant } from "./resilience/tenant";

const ORDERS = Number(process.env.RESILIENCE_ORDERS ?? 300);
const FAULTS = { platform: "all", errorRate: 0.1, rateLimitRate: 0.1, webhookDuplicateRate: 0.2, webhookDropRate: 0.3 };
const log = (line: string) => console.log(`[resilience ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<number> {
  const h = await startHarness(log);
  // lib/ runs in this process too (the tenant's OAuth flows, the counts): same database and platforms as the app.
  Object.assign(process.env, h.env);
  try {
    log("connecting the stores and importing their catalogs");
    const tenant = await setUpTenant(h, { products: 20 });
    log(`faults on: ${JSON.stringify(FAULTS)}`);
    await h.sandbox("POST", "/__sandbox/faults", FAULTS);
    // Each phase builds on the one before, on the same tenant: the orders it created are then fulfilled.
    const phases: Phase[] = [orderPhase({ orders: ORDERS, timeoutMs: 15 * 60_000 }), fulfillmentPhase({ timeoutMs: 12 * 60_000 }), productSyncPhase({ timeoutMs: 8 * 60_000 })];
    let failed = 0;
    for (const phase of phases) {
      log(`phase: ${phase.name}`);
      const result = await phase.run({ h, tenant, log });
      for (const check of result.checks) {
        const ok = check.actual === check.expected;
        if (!ok) failed += 1;
        console.log(`  ${ok ? "ok  " : "FAIL"} ${check.name}: ${check.actual} (expected ${check.expected})`);
      }
      for (const note of result.notes ?? []) console.log(`       ${note}`);
    }
    console.log(failed === 0 ? "Resilience: every count as expected." : `Resilience: ${failed} count(s) wrong.`);
    return failed === 0 ? 0 : 1;
  } finally {
    await h.sandbox("POST", "/__sandbox/faults", { platform: "all", errorRate: 0, rateLimitRate: 0, webhookDuplicateRate: 0, webhookDropRate: 0 }).catch(() => {});
    await h.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
