// Integration: a catalog beyond TikTok's 10,000-result search cap is read completely.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { connectedShopifyStore, connectedTikTokShops, newOrganization } from "@/lib/testing/connected-stores";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { sandboxControl } from "@/lib/testing/sandbox-browser";
import { DETAIL_ROUTE, runTikTokImport, SEARCH_ROUTE, sandboxLogMark, sandboxShopCalls, seedSandboxProducts, waitForNextSandboxSecond, type SandboxProductSeed } from "./import-test-kit";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

// Three seeding batches, each in its own sandbox second (update_time has one-second resolution), oldest first.
const BATCHES = [600, 4_700, 4_800];
const TOTAL = BATCHES.reduce((a, b) => a + b, 0);
// Products the cache does not hold yet: only these need a detail call.
const isNew = (i: number) => i % 1_000 === 7;

const seed = (i: number): SandboxProductSeed => ({
  title: `Item ${i}`,
  skus: Array.from({ length: i % 5 === 0 ? 2 : 1 }, (_, k) => ({ sellerSku: `CAP-${i}-${k}`, price: "2.50", quantity: 1, barcode: String(200_000_000_000 + i * 10 + k) })),
});

interface Seeded { id: string; skus: { id: string; sellerSku: string }[]; index: number; updateTime: number }

async function updateTimeOf(shopId: string, productId: string): Promise<number> {
  return (await sandboxControl<{ update_time: number }>("GET", `/__sandbox/tiktok/shops/${shopId}/products/${productId}`)).update_time;
}

// A batch may straddle a second: find where, with a binary search over the control API.
async function batchTimes(shopId: string, products: Omit<Seeded, "updateTime">[]): Promise<Seeded[]> {
  const first = await updateTimeOf(shopId, products[0]!.id);
  const last = await updateTimeOf(shopId, products.at(-1)!.id);
  let boundary = products.length;
  if (first !== last) {
    let lo = 0;
    let hi = products.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((await updateTimeOf(shopId, products[mid]!.id)) === first) lo = mid + 1;
      else hi = mid;
    }
    boundary = lo;
  }
  return products.map((p, i) => ({ ...p, updateTime: i < boundary ? first : last }));
}

// One statement per table: row-by-row inserts of 10,000 products would dominate the test's time.
async function prefillCache({ organizationId, connectionId, known, longAgo }: { organizationId: string; connectionId: string; known: Seeded[]; longAgo: Date }) {
  const ids = [...known.map((p) => p.id), "ghost-1", "ghost-2", "ghost-3"];
  const times = [...known.map((p) => p.updateTime), 0, 0, 0].map((t) => (t ? new Date(t * 1000) : longAgo).toISOString());
  await testDb.$executeRaw`
    INSERT INTO "TikTokProduct" (id, "organizationId", "connectionId", "externalId", title, status, "platformUpdatedAt", "detailFetchedAt", "importedAt")
    SELECT 'prefill-' || e, ${organizationId}, ${connectionId}, e, 'Known', 'ACTIVATE', t::timestamp, ${longAgo.toISOString()}::timestamp, ${longAgo.toISOString()}::timestamp
    FROM unnest(${ids}::text[], ${times}::text[]) AS u(e, t)`;
  const skus = known.flatMap((p) => p.skus.map((k) => ({ product: p.id, id: k.id, sellerSku: k.sellerSku })));
  await testDb.$executeRaw`
    INSERT INTO "TikTokSku" (id, "organizationId", "connectionId", "productId", "externalId", "sellerSku", "sellerSkuNormalized", options, price, currency)
    SELECT 'prefill-' || s, ${organizationId}, ${connectionId}, 'prefill-' || p, s, k, lower(k), '[]'::jsonb, 2.50, 'USD'
    FROM unnest(${skus.map((k) => k.product)}::text[], ${skus.map((k) => k.id)}::text[], ${skus.map((k) => k.sellerSku)}::text[]) AS u(p, s, k)`;
}

describe("TikTok import past the 10,000-result search cap", () => {
  it("imports every product of a 10,100-product catalog in update_time windows, and survives TikTok's cap refusal", async () => {
    const org = await newOrganization();
    const shopify = await connectedShopifyStore(org);
    const { shops: [shop] } = await connectedTikTokShops(org, { shopifyConnectionId: shopify.connectionId });
    const connection = await testDb.connection.findUniqueOrThrow({ where: { id: shop!.connectionId } });

    const seeded: Seeded[] = [];
    let second = 0;
    for (const size of BATCHES) {
      if (second) await waitForNextSandboxSecond(second);
      const offset = seeded.length;
      const created = await seedSandboxProducts({ shopId: shop!.shopId, products: Array.from({ length: size }, (_, i) => seed(offset + i)) });
      const timed = await batchTimes(shop!.shopId, created.map((p, i) => ({ ...p, index: offset + i })));
      seeded.push(...timed);
      second = timed.at(-1)!.updateTime;
    }
    expect(new Set(seeded.map((p) => p.updateTime)).size).toBeGreaterThanOrEqual(3);

    // What an earlier import left: everything but the new products, plus three products TikTok no longer has.
    const longAgo = new Date(Date.now() - 3_600_000);
    const known = seeded.filter((p) => !isNew(p.index));
    await prefillCache({ organizationId: connection.organizationId, connectionId: connection.id, known, longAgo });

    const mark = await sandboxLogMark();
    const startedAt = Date.now();
    const first = await runTikTokImport({ connectionId: shop!.connectionId });

    expect([first.status, first.deleted]).toEqual(["SUCCEEDED", 3]);
    const cached = await testDb.tikTokProduct.findMany({ where: { connectionId: shop!.connectionId, deletedAt: null }, select: { externalId: true, importedAt: true } });
    expect(cached.map((p) => p.externalId).sort()).toEqual(seeded.map((p) => p.id).sort());
    expect(cached.every((p) => p.importedAt.getTime() >= startedAt - 1_000)).toBe(true);
    const fresh = seeded.filter((p) => isNew(p.index));
    const freshSkus = await testDb.tikTokSku.findMany({ where: { connectionId: shop!.connectionId, externalId: { in: fresh.flatMap((p) => p.skus.map((k) => k.id)) } } });
    expect(freshSkus.map((k) => [k.sellerSku, k.identifierCode]).sort()).toEqual(
      fresh.flatMap((p) => p.skus.map((k, n) => [k.sellerSku, String(200_000_000_000 + p.index * 10 + n)])).sort(),
    );
    expect(await testDb.tikTokSku.count({ where: { connectionId: shop!.connectionId } })).toBe(seeded.reduce((sum, p) => sum + p.skus.length, 0));

    const calls = await sandboxShopCalls({ after: mark, shopId: shop!.shopId });
    const details = calls.filter((c) => c.route === DETAIL_ROUTE && c.status === 200).length;
    const minimum = Math.ceil(TOTAL / 100) + fresh.length;
    expect(details).toBe(fresh.length);
    expect(calls.length).toBeLessThanOrEqual(1.1 * minimum);
    expect(calls.some((c) => c.code === 12052180)).toBe(false);
    const run = await testDb.catalogImport.findUniqueOrThrow({ where: { id: first.importId } });
    expect([run.processed, run.total]).toEqual([TOTAL, TOTAL]);

    // Told a cap above TikTok's, the import meets the real refusal (12052180) and still reads everything.
    const again = await sandboxLogMark();
    const second2 = await runTikTokImport({ connectionId: shop!.connectionId, searchCap: 20_000 });
    const secondCalls = await sandboxShopCalls({ after: again, shopId: shop!.shopId });
    expect(secondCalls.some((c) => c.route === SEARCH_ROUTE && c.code === 12052180)).toBe(true);
    expect([second2.status, second2.deleted]).toEqual(["SUCCEEDED", 0]);
    expect(secondCalls.filter((c) => c.route === DETAIL_ROUTE)).toEqual([]);
  }, 120_000);
});
