import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { seedCatalog } from "../../bench/seed-catalog";
import { syntheticCatalog } from "../../bench/synthetic-catalog";
import { computeProposals } from "./compute-proposals";
import { matchCatalogs } from "./match";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

// The review is computed page by page from indexed lookups; it must agree with the pure matcher
// run on both whole catalogs (title suggestions may only find more on a page, never less).
describe("review pages against the full matcher", () => {
  it("gives every SKU the same key-rule proposal, conflicts and checkbox", async () => {
    const catalog = syntheticCatalog({ skus: 600, seed: 3 });
    const tenant = await seedCatalog({ client: testDb, catalog, name: "consistency" });
    const full = new Map(matchCatalogs(catalog).products.flatMap((product) => product.proposals).map((proposal) => [`consistency_${proposal.tiktokSkuId}`, proposal]));

    const rows = [];
    let cursor: string | null = null;
    do {
      const page = await computeProposals({ organizationId: tenant.organizationId, tiktokConnectionId: tenant.tiktokConnectionId, cursor, limit: 40 });
      rows.push(...page.products.flatMap((product) => product.rows));
      cursor = page.nextCursor;
    } while (cursor);

    expect(rows).toHaveLength(full.size);
    let compared = 0;
    for (const row of rows) {
      const expected = full.get(row.tiktokSkuId)!;
      if (expected.rule === "TITLE_OPTIONS" || expected.rule === null) continue;
      compared++;
      expect({ id: row.tiktokSkuId, rule: row.rule, variant: row.shopify?.variantId ?? null, conflicts: row.conflicts.map((c) => c.kind).sort(), checked: row.checked }).toEqual({
        id: row.tiktokSkuId,
        rule: expected.rule,
        variant: expected.shopifyVariantId ? `consistency_${expected.shopifyVariantId}` : null,
        conflicts: expected.conflicts.map((c) => c.kind).sort(),
        checked: expected.suggested,
      });
    }
    expect(compared).toBeGreaterThan(500);
  });
});
