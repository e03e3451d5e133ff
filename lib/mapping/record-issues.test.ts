import { beforeAll, beforeEach, expect, it } from "vitest";
import { listProducts } from "../catalog/list-products";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { applyMappingBatch, createMappingBatch } from "./apply-batch";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { computeProposals } from "./compute-proposals";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("a product Map refused stays under Needs attention with the reason and fix until it is mapped", async () => {
  const fixture = await pairedStores(testDb);
  await shopifyProduct(testDb, fixture, { title: "Tote", variants: [{ sku: "TOTE-1" }] });
  await tiktokProduct(testDb, fixture, { title: "Tote", skus: [{ sellerSku: "TOTE-1" }] });
  const review = await computeProposals({ organizationId: fixture.org.organizationId, tiktokConnectionId: fixture.tiktokConnectionId });
  const row = review.products[0]!.rows[0]!;
  const rows = [{ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify!.variantId, rule: row.rule, snapshot: "stale-snapshot" }];
  const stale = await createMappingBatch({ org: fixture.org, tiktokConnectionId: fixture.tiktokConnectionId, rows });
  const outcome = await applyMappingBatch({ batchId: stale.batchId });
  expect(outcome.failures).toHaveLength(1);
  await applyMappingBatch({ batchId: stale.batchId });

  const attention = await listProducts({ organizationId: fixture.org.organizationId, query: { tab: "attention" } });
  expect(attention.products.map((p) => p.title)).toEqual(["Tote"]);
  expect(attention.products[0]!.issues).toEqual([{ reason: outcome.failures[0]!.reason, fix: outcome.failures[0]!.fix }]);
  expect(attention.counts).toMatchObject({ attention: 1, unmapped: 0 });
  expect(await testDb.mappingIssue.count({ where: { resolvedAt: null } })).toBe(1);

  // Mapped properly, the issue is resolved and the product moves to Mapped Products.
  const fresh = await createMappingBatch({ org: fixture.org, tiktokConnectionId: fixture.tiktokConnectionId, rows: [{ ...rows[0]!, snapshot: row.snapshot }] });
  await applyMappingBatch({ batchId: fresh.batchId });
  const mapped = await listProducts({ organizationId: fixture.org.organizationId, query: { tab: "mapped" } });
  expect(mapped.products.map((p) => p.title)).toEqual(["Tote"]);
  expect(mapped.products[0]!.issues).toEqual([]);
  expect((await listProducts({ organizationId: fixture.org.organizationId, query: { tab: "attention" } })).products).toHaveLength(0);
});
