import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, setDbClient } from "../../db";
import { connectedShopifyStore, newOrganization } from "../../testing/connected-stores";
import { resetDatabase, testDb } from "../../testing/db";
import { sandboxControl } from "../../testing/sandbox-browser";
import { checkStore } from "../../connections/check-store";
import { normalizeSku } from "../normalize-sku";
import { applyShopifyProductDelete, applyShopifyProductUpdate } from "./apply-webhook";
import { gidNumber } from "./catalog-rows";
import { finishShopifyImport, importShopifyStep, startShopifyImport, type StartShopifyImportOptions } from "./import-store";
import { sandboxCatalog, seedSandboxCatalog, type SeedProduct, type SeededProduct } from "./seed-sandbox-catalog";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function runImport(options: StartShopifyImportOptions & { chunkLines?: number }) {
  const { importId, cursor, strategy } = await startShopifyImport(options);
  const phases: string[] = [];
  for (let next: typeof cursor | null = cursor; next; ) {
    phases.push(next.phase);
    next = await importShopifyStep({ importId, cursor: next, chunkLines: options.chunkLines });
  }
  await finishShopifyImport({ importId });
  const run = await db().catalogImport.findUniqueOrThrow({ where: { id: importId } });
  return { importId, strategy, phases, run };
}

/** A store that held `products` when it was connected (Shopify counted them then). */
async function storeWith(products: SeedProduct[]) {
  return connectedShopifyStore(await newOrganization(), { catalog: products });
}

/** The stored catalog equals what was seeded, variant by variant. */
async function expectCatalog(options: { connectionId: string; products: SeedProduct[]; seeded: SeededProduct[] }) {
  const rows = await db().shopifyVariant.findMany({ where: { connectionId: options.connectionId, deletedAt: null }, include: { product: true } });
  const byId = new Map(rows.map((r) => [r.externalId, r]));
  const expected = options.products.flatMap((p, i) => p.variants.map((v, j) => ({ p, v, ids: options.seeded[i]!.variants[j]!, productId: options.seeded[i]!.id })));
  expect(rows).toHaveLength(expected.length);
  expect(await db().shopifyProduct.count({ where: { connectionId: options.connectionId, deletedAt: null } })).toBe(options.products.length);
  for (const { p, v, ids, productId } of expected) {
    const row = byId.get(gidNumber(ids.id));
    expect(row, v.sku).toBeDefined();
    expect(row!.product.externalId).toBe(gidNumber(productId));
    expect(row!.product.title).toBe(p.title);
    expect(row!.product.status).toBe(p.status ?? "ACTIVE");
    expect(row!.product.imageUrl).toBe(p.images?.[0] ?? null);
    expect(row!.sku).toBe(v.sku);
    expect(row!.skuNormalized).toBe(normalizeSku(v.sku));
    expect(row!.barcode).toBe(v.barcode ?? null);
    expect(row!.options).toEqual(v.selectedOptions);
    expect(row!.price.toFixed(2)).toBe(v.price);
    expect(row!.compareAtPrice?.toFixed(2) ?? null).toBe(v.compareAtPrice ?? null);
    expect(row!.inventoryQuantity).toBe(v.inventoryQuantity);
    expect(row!.inventoryItemId).toBe(gidNumber(ids.inventoryItemId));
  }
}

describe("Shopify catalog import", () => {
  it("reads a small store page by page, with products beyond a page's nested variants", async () => {
    // 27 products per page: 61 products take three pages; 13 variants overflow the nested first 10.
    const products = [...sandboxCatalog({ variants: 180, perProduct: 3 }), ...sandboxCatalog({ variants: 13, perProduct: 13, prefix: "Big" })];
    const store = await storeWith(products);
    const { strategy, phases, run } = await runImport({ connectionId: store.connectionId, kind: "full" });
    expect(strategy).toBe("pages");
    expect(phases).toEqual(["pages", "pages", "pages"]);
    // Counted at connect, so no probe: three pages, one follow-up page for the 13-variant product.
    expect(run).toMatchObject({ status: "SUCCEEDED", total: 193, processed: 193, apiCalls: 4 });
    await expectCatalog({ connectionId: store.connectionId, products, seeded: store.seeded });
  });

  it("reads a larger store through a bulk operation, chunk by chunk, and a second run changes nothing", async () => {
    const products = sandboxCatalog({ variants: 300, perProduct: 4, prefix: "Bulk" });
    const store = await storeWith(products);
    const first = await runImport({ connectionId: store.connectionId, kind: "full", bulkThresholdVariants: 100, chunkLines: 60 });
    expect(first.strategy).toBe("bulk");
    expect(first.phases.slice(0, 2)).toEqual(["bulk-start", "bulk-poll"]);
    // 375 lines (75 products + 300 variants) in chunks of at least 60 lines.
    expect(first.phases.filter((p) => p === "bulk-read").length).toBeGreaterThanOrEqual(5);
    // Counted at connect, so no probe: bulkOperationRunQuery, one poll.
    expect(first.run).toMatchObject({ status: "SUCCEEDED", total: 300, processed: 300, apiCalls: 2 });
    await expectCatalog({ connectionId: store.connectionId, products, seeded: store.seeded });

    const before = await db().shopifyVariant.findMany({ where: { connectionId: store.connectionId }, orderBy: { externalId: "asc" } });
    const second = await runImport({ connectionId: store.connectionId, kind: "full", bulkThresholdVariants: 100, chunkLines: 60 });
    // The last full import was large: no probe, only the bulk query and its poll.
    expect(second.run.apiCalls).toBe(2);
    const after = await db().shopifyVariant.findMany({ where: { connectionId: store.connectionId }, orderBy: { externalId: "asc" } });
    expect(after).toEqual(before);
  });

  it("probes the size when the count from connect is old, and a store check renews the count", async () => {
    const store = await storeWith(sandboxCatalog({ variants: 300, perProduct: 4, prefix: "Old" }));
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await db().connection.update({ where: { id: store.connectionId }, data: { catalogCountedAt: hoursAgo } });
    const probed = await runImport({ connectionId: store.connectionId, kind: "full", bulkThresholdVariants: 100 });
    // probe, bulkOperationRunQuery, one poll
    expect(probed.run).toMatchObject({ status: "SUCCEEDED", processed: 300, apiCalls: 3 });
    expect(probed.strategy).toBe("bulk");

    // Connected while empty, filled afterwards: the count is stale until a check renews it.
    const empty = await connectedShopifyStore(await newOrganization());
    await seedSandboxCatalog({ domain: empty.domain, products: sandboxCatalog({ variants: 300, perProduct: 4, prefix: "Late" }) });
    expect(await db().connection.findUniqueOrThrow({ where: { id: empty.connectionId } })).toMatchObject({ catalogVariants: 0 });
    const org = await db().connection.findUniqueOrThrow({ where: { id: empty.connectionId }, select: { organizationId: true } });
    await checkStore({ organizationId: org.organizationId, connectionId: empty.connectionId });
    expect(await db().connection.findUniqueOrThrow({ where: { id: empty.connectionId } })).toMatchObject({ catalogVariants: 300 });
    const renewed = await runImport({ connectionId: empty.connectionId, kind: "full", bulkThresholdVariants: 100 });
    expect(renewed).toMatchObject({ strategy: "bulk", run: { processed: 300, apiCalls: 2 } });
  });

  it("a reconcile picks up a changed product and reads only what changed", async () => {
    const products = sandboxCatalog({ variants: 30, perProduct: 3, prefix: "Rec" });
    const store = await storeWith(products);
    await runImport({ connectionId: store.connectionId, kind: "full" });
    // Shopify's timestamps have whole seconds: move past the second the catalog was created in.
    const clock = await sandboxControl<{ now: string }>("POST", "/__sandbox/clock", { advanceSeconds: 2 });
    const target = store.seeded[4]!;
    await sandboxControl("PATCH", `/__sandbox/shopify/shops/${store.domain}/products/${gidNumber(target.id)}`, {
      title: "Renamed tee",
      variants: [{ id: target.variants[0]!.id, price: "99.95", barcode: "0123456789012" }],
    });

    const { run } = await runImport({ connectionId: store.connectionId, kind: "reconcile", since: new Date(clock.now) });
    expect(run).toMatchObject({ status: "SUCCEEDED", processed: 3 });
    const variant = await db().shopifyVariant.findUniqueOrThrow({
      where: { connectionId_externalId: { connectionId: store.connectionId, externalId: gidNumber(target.variants[0]!.id) } },
      include: { product: true },
    });
    expect(variant.product.title).toBe("Renamed tee");
    expect(variant.price.toFixed(2)).toBe("99.95");
    expect(variant.barcode).toBe("0123456789012");
  });

  it("marks deleted products: by webhook, and by a full run that no longer sees them", async () => {
    const products = sandboxCatalog({ variants: 12, perProduct: 2, prefix: "Del" });
    const store = await storeWith(products);
    await runImport({ connectionId: store.connectionId, kind: "full" });
    const [first, second] = store.seeded;

    await sandboxControl("DELETE", `/__sandbox/shopify/shops/${store.domain}/products/${gidNumber(first!.id)}`);
    expect(await applyShopifyProductDelete({ connectionId: store.connectionId, productId: first!.id })).toEqual({ deleted: true });
    // Deleted on Shopify with the webhook missed: the next full run notices.
    await sandboxControl("DELETE", `/__sandbox/shopify/shops/${store.domain}/products/${gidNumber(second!.id)}`);
    const reconcile = await runImport({ connectionId: store.connectionId, kind: "reconcile" });
    expect(reconcile.run.status).toBe("SUCCEEDED");
    const deletedAfterReconcile = await db().shopifyProduct.findMany({ where: { connectionId: store.connectionId, deletedAt: { not: null } } });
    expect(deletedAfterReconcile.map((p) => p.externalId)).toEqual([gidNumber(first!.id)]);

    await runImport({ connectionId: store.connectionId, kind: "full" });
    const deleted = await db().shopifyVariant.findMany({ where: { connectionId: store.connectionId, deletedAt: { not: null } }, include: { product: true } });
    expect(new Set(deleted.map((v) => v.product.externalId))).toEqual(new Set([gidNumber(first!.id), gidNumber(second!.id)]));
    expect(deleted).toHaveLength(4);
    expect(await db().shopifyVariant.count({ where: { connectionId: store.connectionId, deletedAt: null } })).toBe(8);
  });

  it("never overwrites newer stored data with older data, from an import or a webhook", async () => {
    const products = sandboxCatalog({ variants: 6, perProduct: 3, prefix: "Old" });
    const store = await storeWith(products);
    await runImport({ connectionId: store.connectionId, kind: "full" });
    const productId = store.seeded[0]!.id;
    const future = new Date(Date.now() + 365 * 24 * 3600_000);
    const where = { connectionId_externalId: { connectionId: store.connectionId, externalId: gidNumber(productId) } };
    await db().shopifyProduct.update({ where, data: { title: "Newer title", platformUpdatedAt: future } });
    const variantWhere = { connectionId_externalId: { connectionId: store.connectionId, externalId: gidNumber(store.seeded[0]!.variants[0]!.id) } };
    await db().shopifyVariant.update({ where: variantWhere, data: { price: "1.00", platformUpdatedAt: future } });

    await runImport({ connectionId: store.connectionId, kind: "full" });
    expect((await db().shopifyProduct.findUniqueOrThrow({ where })).title).toBe("Newer title");
    expect((await db().shopifyVariant.findUniqueOrThrow({ where: variantWhere })).price.toFixed(2)).toBe("1.00");

    const stale = await applyShopifyProductUpdate({ connectionId: store.connectionId, productId, updatedAt: new Date(future.getTime() - 1000) });
    expect(stale).toEqual({ applied: false, reason: "stale", apiCalls: 0 });

    // A current event for another product re-reads it through the API.
    const other = store.seeded[1]!;
    await sandboxControl("POST", "/__sandbox/clock", { advanceSeconds: 1 });
    const patched = await sandboxControl<{ updated_at: string }>("PATCH", `/__sandbox/shopify/shops/${store.domain}/products/${gidNumber(other.id)}`, {
      title: "From the webhook",
      status: "ARCHIVED",
    });
    const applied = await applyShopifyProductUpdate({ connectionId: store.connectionId, productId: gidNumber(other.id), updatedAt: patched.updated_at });
    expect(applied).toEqual({ applied: true, apiCalls: 1 });
    const otherRow = await db().shopifyProduct.findUniqueOrThrow({ where: { connectionId_externalId: { connectionId: store.connectionId, externalId: gidNumber(other.id) } } });
    expect(otherRow).toMatchObject({ title: "From the webhook", status: "ARCHIVED" });
  });
});
