import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listProducts } from "@/lib/catalog/list-products";
import { setDbClient } from "@/lib/db";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { applyMappingBatch, createMappingBatch } from "./apply-batch";
import { storedRequestSchema } from "./batch-rows";
import { pairedStores, shopifyProduct, tiktokProduct } from "./catalog-fixtures";
import { computeProposals } from "./compute-proposals";
import { expandMappingBatch } from "./expand-mapping-batch";
import { failMappingBatch } from "./fail-mapping-batch";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function reviewedCatalog() {
  const stores = await pairedStores(testDb);
  const shopify = await Promise.all(["A", "B", "C", "D", "E"].map((letter) => shopifyProduct(testDb, stores, { title: `Product ${letter}`, variants: [{ sku: `${letter}-1` }, { sku: `${letter}-2` }] })));
  const tiktok = [];
  for (const letter of ["A", "B", "C", "D", "E"]) tiktok.push(await tiktokProduct(testDb, stores, { title: `Product ${letter}`, skus: [{ sellerSku: `${letter}-1` }, { sellerSku: `${letter}-2` }] }));
  const page = await computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
  const rows = page.products.flatMap((product) =>
    product.rows.filter((row) => row.checked).map((row) => ({ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify!.variantId, rule: row.rule!, snapshot: row.snapshot })),
  );
  return { stores, shopify, tiktok, rows };
}

describe("createMappingBatch + applyMappingBatch", () => {
  it("maps the checked rows and records rule, batch and user", async () => {
    const { stores, rows } = await reviewedCatalog();
    expect(rows).toHaveLength(10);
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    expect(await testDb.mappingBatch.findUnique({ where: { id: batchId } })).toMatchObject({ status: "QUEUED", createdById: stores.org.userId });

    const summary = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    expect(summary).toEqual({ batchId, status: "SUCCEEDED", mappedProducts: 5, mappedSkus: 10, failures: [] });
    const mappings = await testDb.mapping.findMany({ where: { organizationId: stores.organizationId } });
    expect(mappings).toHaveLength(10);
    for (const mapping of mappings) {
      const row = rows.find((r) => r.tiktokSkuId === mapping.tiktokSkuId)!;
      expect(mapping).toMatchObject({ shopifyVariantId: row.shopifyVariantId, rule: "EXACT_SKU", batchId, createdById: stores.org.userId, status: "ACTIVE", tiktokConnectionId: stores.tiktokConnectionId, shopifyConnectionId: stores.shopifyConnectionId });
    }
    expect(await testDb.mappingBatch.findUnique({ where: { id: batchId } })).toMatchObject({ status: "SUCCEEDED", mappedProducts: 5, mappedSkus: 10, failures: [] });
    expect(await testDb.activityEntry.findMany({ where: { organizationId: stores.organizationId } })).toEqual([
      expect.objectContaining({ type: "mapping.batch_applied", message: "Bulk auto-map: 5 products mapped, 0 failed.", subjectId: batchId }),
    ]);
  });

  it("does nothing new when run again, finished or interrupted", async () => {
    const { stores, rows } = await reviewedCatalog();
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    const first = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    const before = await testDb.mapping.findMany({ orderBy: { id: "asc" } });
    expect(await applyMappingBatch({ organizationId: stores.organizationId, batchId })).toEqual(first);
    expect(await testDb.activityEntry.count()).toBe(1);
    // A retry after a crash between the writes and the final status update:
    await testDb.mappingBatch.update({ where: { id: batchId }, data: { status: "RUNNING" } });
    expect(await applyMappingBatch({ organizationId: stores.organizationId, batchId })).toEqual(first);
    expect(await testDb.mapping.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("refuses rows that went stale since the review, with a reason and a fix per product", async () => {
    const { stores, shopify, tiktok, rows } = await reviewedCatalog();
    const mappingBase = { organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId, shopifyConnectionId: stores.shopifyConnectionId, rule: "MANUAL" as const };
    // A: the Shopify variant changed. B: the variant was deleted. C: the SKU was mapped meanwhile.
    // D: its variant was mapped meanwhile from another TikTok SKU of the shop. E: the TikTok product was deactivated.
    await testDb.shopifyVariant.update({ where: { id: shopify[0]!.variants[0]!.id }, data: { sku: "A-1-new", platformUpdatedAt: new Date("2026-03-02T00:00:00Z") } });
    await testDb.shopifyVariant.update({ where: { id: shopify[1]!.variants[0]!.id }, data: { deletedAt: new Date() } });
    await testDb.mapping.create({ data: { ...mappingBase, tiktokSkuId: tiktok[2]!.skus[0]!.id, shopifyVariantId: shopify[2]!.variants[0]!.id } });
    const stray = await tiktokProduct(testDb, stores, { title: "Stray", skus: [{ sellerSku: "zzz" }] });
    await testDb.mapping.create({ data: { ...mappingBase, tiktokSkuId: stray.skus[0]!.id, shopifyVariantId: shopify[3]!.variants[0]!.id } });
    await testDb.tikTokProduct.update({ where: { id: tiktok[4]!.product.id }, data: { status: "SELLER_DEACTIVATED" } });

    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    const summary = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    expect(summary.mappedSkus).toBe(4);
    expect(summary.mappedProducts).toBe(4);
    const byTitle = Object.fromEntries(summary.failures.map((failure) => [failure.title, failure]));
    expect(Object.keys(byTitle).sort()).toEqual(["Product A", "Product B", "Product C", "Product D", "Product E"]);
    expect(byTitle["Product A"]).toMatchObject({ tiktokSkuIds: [tiktok[0]!.skus[0]!.id], reason: "The catalog changed after you reviewed this proposal.", fix: expect.stringContaining("Run Bulk auto-map again") });
    expect(byTitle["Product B"]!.reason).toBe("The Shopify variant was deleted.");
    expect(byTitle["Product C"]!.reason).toBe("This TikTok SKU is already mapped.");
    expect(byTitle["Product D"]!.reason).toBe("The Shopify variant is already mapped to another TikTok SKU of this shop.");
    expect(byTitle["Product E"]).toMatchObject({ tiktokSkuIds: tiktok[4]!.skus.map((sku) => sku.id), reason: "The TikTok product was deleted or is no longer active." });
    for (const failure of summary.failures) expect(failure.fix.length).toBeGreaterThan(10);

    const written = await testDb.mapping.findMany({ where: { batchId } });
    expect(written.map((mapping) => mapping.tiktokSkuId).sort()).toEqual([0, 1, 2, 3].map((p) => tiktok[p]!.skus[1]!.id).sort());
    expect(await testDb.mapping.findUnique({ where: { tiktokSkuId: tiktok[2]!.skus[0]!.id } })).toMatchObject({ rule: "MANUAL", batchId: null });
  });

  it("refuses a second SKU mapped to the same variant in one batch", async () => {
    const { stores, shopify, tiktok, rows } = await reviewedCatalog();
    const twice = rows.map((row) => (row.tiktokSkuId === tiktok[0]!.skus[1]!.id ? { ...row, shopifyVariantId: shopify[0]!.variants[0]!.id } : row));
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: twice });
    const summary = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    expect(summary.mappedSkus).toBe(9);
    expect(summary.failures).toEqual([expect.objectContaining({ title: "Product A", tiktokSkuIds: [tiktok[0]!.skus[1]!.id] })]);
  });

  it("refuses another tenant's SKU or variant as not found and writes nothing", async () => {
    const { stores, rows } = await reviewedCatalog();
    const other = await pairedStores(testDb);
    const otherShopify = await shopifyProduct(testDb, other, { title: "Theirs", variants: [{ sku: "A-1" }] });
    const otherTikTok = await tiktokProduct(testDb, other, { title: "Theirs", skus: [{ sellerSku: "A-1" }] });
    const foreignVariant = [...rows.slice(1), { ...rows[0]!, shopifyVariantId: otherShopify.variants[0]!.id }];
    const foreignSku = [...rows.slice(1), { ...rows[0]!, tiktokSkuId: otherTikTok.skus[0]!.id }];
    for (const attempt of [foreignVariant, foreignSku]) {
      await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: attempt })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: other.tiktokConnectionId, rows })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.mappingBatch.count()).toBe(0);
    expect(await testDb.mapping.count()).toBe(0);
  });

  it("does nothing for a batch id under another organization", async () => {
    const { stores, rows } = await reviewedCatalog();
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    const other = await pairedStores(testDb);
    await expect(applyMappingBatch({ organizationId: other.organizationId, batchId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "QUEUED" });
    expect(await testDb.mapping.count()).toBe(0);
    expect(await testDb.activityEntry.count()).toBe(0);
  });

  it("rejects malformed rows and duplicate SKUs", async () => {
    const { stores, rows } = await reviewedCatalog();
    await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [{ ...rows[0], rule: "GUESS" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [rows[0], rows[0]] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await testDb.mappingBatch.count()).toBe(0);
  });

  it("refuses every row when the shop was paired with another store since", async () => {
    const { stores, rows } = await reviewedCatalog();
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    await testDb.connection.update({ where: { id: stores.tiktokConnectionId }, data: { pairedShopifyId: null } });
    const summary = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    expect(summary).toMatchObject({ mappedSkus: 0, mappedProducts: 0 });
    expect(summary.failures).toHaveLength(5);
    expect(summary.failures[0]!.reason).toContain("no longer paired");
    expect(await testDb.mapping.count()).toBe(0);
  });
});

describe("Select all across the review's pages (rest)", () => {
  it("maps the opened page's checked rows and every proposal after it, a few review pages per step", async () => {
    const { stores } = await reviewedCatalog();
    await shopifyProduct(testDb, stores, { title: "Linen Shirt Blue", variants: [{ sku: "SHOP-LINEN" }] });
    const suggestion = await tiktokProduct(testDb, stores, { title: "Linen Shirt Blue", skus: [{ sellerSku: "nothing-like-it" }] });
    const first = await computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId, limit: 2 });
    // The member unchecks one row of the opened page; everything after it is selected.
    const opened = first.products.flatMap((product) => product.rows).slice(1);
    const rows = opened.map((row) => ({ tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopify!.variantId, rule: row.rule!, snapshot: row.snapshot }));
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows, rest: { after: first.nextCursor! } });

    expect(await expandMappingBatch({ organizationId: stores.organizationId, batchId, pages: 1, pageProducts: 2 })).toEqual({ done: false, added: 4 });
    const summary = await applyMappingBatch({ organizationId: stores.organizationId, batchId });
    // 10 exact SKUs less the unchecked one, plus the title suggestion on a later page (Select all checks it too).
    expect(summary).toMatchObject({ status: "SUCCEEDED", mappedSkus: 10, mappedProducts: 6, failures: [] });
    const unchecked = first.products[0]!.rows[0]!.tiktokSkuId;
    expect(await testDb.mapping.findUnique({ where: { tiktokSkuId: unchecked } })).toBeNull();
    expect(await testDb.mapping.findUnique({ where: { tiktokSkuId: suggestion.skus[0]!.id } })).toMatchObject({ rule: "TITLE_OPTIONS", batchId });
    const stored = storedRequestSchema.parse((await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).requested);
    expect(stored.rest).toBeUndefined();
    expect(stored.rows).toHaveLength(10);
    // Expanding again (a retried step) adds nothing.
    expect(await expandMappingBatch({ organizationId: stores.organizationId, batchId })).toEqual({ done: true, added: 0 });
  });

  it("refuses a malformed selection or an empty one, writing nothing; another tenant cannot expand the batch", async () => {
    const { stores, rows } = await reviewedCatalog();
    for (const rest of [{ after: "" }, { after: "p1", extra: true }, "all"]) {
      await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows, rest })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Check at least one proposal." });
    expect(await testDb.mappingBatch.count()).toBe(0);

    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [], rest: { after: "0" } });
    const other = await pairedStores(testDb);
    // Select all in another tenant's shop is not found, and stores nothing.
    await expect(createMappingBatch({ org: stores.org, tiktokConnectionId: other.tiktokConnectionId, rows: [], rest: { after: "0" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.mappingBatch.count()).toBe(1);
    expect(await expandMappingBatch({ organizationId: other.organizationId, batchId })).toEqual({ done: true, added: 0 });
    expect(storedRequestSchema.parse((await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).requested)).toMatchObject({ rows: [], rest: { after: "0" } });
    expect(await testDb.mapping.count()).toBe(0);
  });

  it("stops expanding when the shop was unpaired since, and the apply says why", async () => {
    const { stores } = await reviewedCatalog();
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [], rest: { after: "0" } });
    await testDb.connection.update({ where: { id: stores.tiktokConnectionId }, data: { pairedShopifyId: null } });
    expect(await expandMappingBatch({ organizationId: stores.organizationId, batchId })).toEqual({ done: true, added: 0 });
    expect(await applyMappingBatch({ organizationId: stores.organizationId, batchId })).toMatchObject({ status: "SUCCEEDED", mappedSkus: 0, failures: [] });
    expect(await testDb.mapping.count()).toBe(0);
  });
});

describe("applyMappingBatch and Needs attention", () => {
  async function staleTote() {
    const stores = await pairedStores(testDb);
    await shopifyProduct(testDb, stores, { title: "Tote", variants: [{ sku: "TOTE-1" }] });
    const tote = await tiktokProduct(testDb, stores, { title: "Tote", skus: [{ sellerSku: "TOTE-1" }] });
    const review = await computeProposals({ organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId });
    const reviewed = review.products[0]!.rows[0]!;
    const row = { tiktokSkuId: reviewed.tiktokSkuId, shopifyVariantId: reviewed.shopify!.variantId, rule: reviewed.rule!, snapshot: reviewed.snapshot };
    const mapBatch = (snapshot: string) => createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows: [{ ...row, snapshot }] });
    return { stores, tote, row, mapBatch };
  }
  const listTab = (organizationId: string, tab: "unmapped" | "mapped" | "attention") => listProducts({ organizationId, query: { tab } });

  it("keeps a product whose row went stale under Needs attention with the reason and the fix, once, until it is mapped", async () => {
    const { stores, tote, row, mapBatch } = await staleTote();
    const stale = await mapBatch("stale-snapshot");
    const outcome = await applyMappingBatch({ organizationId: stores.organizationId, batchId: stale.batchId });
    expect(outcome.failures).toEqual([expect.objectContaining({ tiktokProductId: tote.product.id, reason: "The catalog changed after you reviewed this proposal." })]);

    const attention = await listTab(stores.organizationId, "attention");
    expect(attention.counts).toEqual({ unmapped: 0, mapped: 0, attention: 1 });
    expect(attention.products.map((p) => p.id)).toEqual([tote.product.id]);
    expect(attention.products[0]!.attention).toEqual([{ reason: outcome.failures[0]!.reason, fix: outcome.failures[0]!.fix }]);
    expect((await listTab(stores.organizationId, "unmapped")).products).toEqual([]);

    // Re-runs, finished or after a crash before the final status, add no second open issue.
    await applyMappingBatch({ organizationId: stores.organizationId, batchId: stale.batchId });
    await testDb.mappingBatch.update({ where: { id: stale.batchId }, data: { status: "RUNNING" } });
    await applyMappingBatch({ organizationId: stores.organizationId, batchId: stale.batchId });
    expect(await testDb.mappingIssue.findMany({ where: { tiktokProductId: tote.product.id }, select: { batchId: true, resolvedAt: true } })).toEqual([{ batchId: stale.batchId, resolvedAt: null }]);

    // Refused again by a later batch: that batch's issue replaces the open one.
    const again = await mapBatch("stale-again");
    await applyMappingBatch({ organizationId: stores.organizationId, batchId: again.batchId });
    const issues = await testDb.mappingIssue.findMany({ where: { tiktokProductId: tote.product.id } });
    expect(issues).toHaveLength(2);
    expect(issues.filter((issue) => issue.resolvedAt === null).map((issue) => issue.batchId)).toEqual([again.batchId]);
    expect((await listTab(stores.organizationId, "attention")).products[0]!.attention).toHaveLength(1);

    // Mapped successfully: resolved, and the product moves to Mapped Products.
    const fresh = await mapBatch(row.snapshot);
    expect((await applyMappingBatch({ organizationId: stores.organizationId, batchId: fresh.batchId })).failures).toEqual([]);
    expect(await testDb.mappingIssue.count({ where: { tiktokProductId: tote.product.id, resolvedAt: null } })).toBe(0);
    const mapped = await listTab(stores.organizationId, "mapped");
    expect(mapped.counts).toEqual({ unmapped: 0, mapped: 1, attention: 0 });
    expect(mapped.products[0]).toMatchObject({ id: tote.product.id, attention: [] });
  });

  it("lets a product mapped by hand since leave Needs attention", async () => {
    const { stores, tote, row, mapBatch } = await staleTote();
    await applyMappingBatch({ organizationId: stores.organizationId, batchId: (await mapBatch("stale-snapshot")).batchId });
    await testDb.mapping.create({
      data: { organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId, shopifyConnectionId: stores.shopifyConnectionId, tiktokSkuId: row.tiktokSkuId, shopifyVariantId: row.shopifyVariantId, rule: "MANUAL" },
    });
    const mapped = await listTab(stores.organizationId, "mapped");
    expect(mapped.counts).toEqual({ unmapped: 0, mapped: 1, attention: 0 });
    expect(mapped.products[0]).toMatchObject({ id: tote.product.id, attention: [] });
  });

  it("never shows one organization's issues to another", async () => {
    const mine = await staleTote();
    await applyMappingBatch({ organizationId: mine.stores.organizationId, batchId: (await mine.mapBatch("stale-snapshot")).batchId });
    const theirs = await pairedStores(testDb);
    const theirTote = await tiktokProduct(testDb, theirs, { title: "Tote", skus: [{ sellerSku: "TOTE-1" }] });
    expect(await listTab(theirs.organizationId, "attention")).toMatchObject({ products: [], counts: { unmapped: 1, mapped: 0, attention: 0 } });
    // An issue row of their organization naming our product (or theirs under our id) moves nothing.
    await testDb.mappingIssue.create({ data: { organizationId: theirs.organizationId, tiktokConnectionId: theirs.tiktokConnectionId, tiktokProductId: mine.tote.product.id, reason: "theirs", fix: "theirs" } });
    await testDb.mappingIssue.create({ data: { organizationId: mine.stores.organizationId, tiktokConnectionId: mine.stores.tiktokConnectionId, tiktokProductId: theirTote.product.id, reason: "mine", fix: "mine" } });
    expect((await listTab(theirs.organizationId, "attention")).counts).toEqual({ unmapped: 1, mapped: 0, attention: 0 });
    const ours = await listTab(mine.stores.organizationId, "attention");
    expect(ours.counts).toEqual({ unmapped: 0, mapped: 0, attention: 1 });
    expect(ours.products[0]!.attention.map((item) => item.reason)).toEqual(["The catalog changed after you reviewed this proposal."]);
  });
});

describe("failMappingBatch (the apply job's onFailure)", () => {
  it("marks an unfinished batch FAILED and says why without the raw error; leaves a finished or foreign batch alone", async () => {
    const { stores, rows } = await reviewedCatalog();
    const { batchId } = await createMappingBatch({ org: stores.org, tiktokConnectionId: stores.tiktokConnectionId, rows });
    const other = await pairedStores(testDb);
    const error = { name: "Error", message: "deadlock detected on relation Mapping" };
    expect(await failMappingBatch({ organizationId: other.organizationId, batchId, error })).toBe(false);
    expect(await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "QUEUED" });
    expect(await testDb.activityEntry.count()).toBe(0);

    expect(await failMappingBatch({ organizationId: stores.organizationId, batchId, error, runId: "run_7" })).toBe(true);
    expect(await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "FAILED", finishedAt: expect.any(Date) });
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: stores.organizationId } });
    expect(entry).toMatchObject({ type: "mapping.batch_failed", level: "ERROR", subjectType: "mappingBatch", subjectId: batchId });
    expect(entry!.message).toBe('Mapping the selected products failed: an unexpected error (reference run_7). Rows mapped before the failure stay mapped; select the rest on Products and press "Map" again.');

    // A retried onFailure records nothing twice.
    expect(await failMappingBatch({ organizationId: stores.organizationId, batchId, error })).toBe(false);
    expect(await testDb.activityEntry.count()).toBe(1);
  });
});
