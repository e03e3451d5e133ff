import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JobFailure } from "../activity/job-failure-reason";
import { setDbClient } from "../db";
import { connectedShopifyStore, newOrganization } from "../testing/connected-stores";
import { resetDatabase, testDb } from "../testing/db";
import { failCatalogImport, recordImportSummary } from "./report-import";
import { finishCatalogImport, importCatalogStep, startCatalogImport, type ImportProgress } from "./run-import";
import { sandboxCatalog, seedSandboxCatalog } from "./shopify/seed-sandbox-catalog";

// The import job's steps over the platform sandbox, as inngest/functions/import-catalog.ts runs them.

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function storeWithCatalog(variants = 6) {
  const org = await newOrganization();
  const store = await connectedShopifyStore(org);
  await seedSandboxCatalog({ domain: store.domain, products: sandboxCatalog({ variants }) });
  return { org, ...store };
}

async function runSteps(progress: ImportProgress) {
  let steps = 0;
  for (let next: ImportProgress | null = progress; next; steps++) next = await importCatalogStep(next);
  return steps;
}

describe("the import job's steps", () => {
  it("start → steps → finish reads the catalog and records the summary", async () => {
    const { org, connectionId } = await storeWithCatalog();
    const progress = await startCatalogImport({ organizationId: org.organizationId, connectionId, kind: "full" });
    expect(progress).toMatchObject({ organizationId: org.organizationId, platform: "SHOPIFY", importId: expect.any(String), sleepMs: 0 });
    expect(await runSteps(progress!)).toBeGreaterThan(0);
    await finishCatalogImport({ organizationId: org.organizationId, platform: "SHOPIFY", importId: progress!.importId });
    expect(await testDb.catalogImport.findUniqueOrThrow({ where: { id: progress!.importId } })).toMatchObject({ status: "SUCCEEDED", processed: 6 });
    expect(await testDb.shopifyVariant.count({ where: { connectionId, deletedAt: null } })).toBe(6);

    await expect(recordImportSummary({ organizationId: org.organizationId, connectionId, importId: progress!.importId, kind: "full", archived: 0 })).resolves.toMatchObject({ processed: 6 });
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: org.organizationId, type: "catalog.imported" } });
    expect(entry!.message).toMatch(/^Imported the catalog of .+: 6 products read with \d+ API calls\.$/);
  });

  it("does nothing for another organization's store, import or summary", async () => {
    const { org, connectionId } = await storeWithCatalog();
    const stranger = await newOrganization("Stranger");
    expect(await startCatalogImport({ organizationId: stranger.organizationId, connectionId, kind: "full" })).toBeNull();
    expect(await testDb.catalogImport.count()).toBe(0);

    const progress = (await startCatalogImport({ organizationId: org.organizationId, connectionId, kind: "full" }))!;
    const foreign = { ...progress, organizationId: stranger.organizationId };
    await expect(importCatalogStep(foreign)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(finishCatalogImport({ organizationId: stranger.organizationId, platform: "SHOPIFY", importId: progress.importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordImportSummary({ organizationId: stranger.organizationId, connectionId, importId: progress.importId, kind: "full", archived: 0 })).rejects.toThrow();
    expect(await failCatalogImport({ organizationId: stranger.organizationId, connectionId, error: { name: "Error", message: "x" } })).toBe(false);
    expect(await testDb.catalogImport.findUniqueOrThrow({ where: { id: progress.importId } })).toMatchObject({ status: "RUNNING", processed: 0 });
    expect(await testDb.shopifyVariant.count()).toBe(0);
    expect(await testDb.activityEntry.count({ where: { organizationId: stranger.organizationId } })).toBe(0);
  });

  it("skips a store disconnected since the import was queued", async () => {
    const { org, connectionId } = await storeWithCatalog(1);
    await testDb.connection.update({ where: { id: connectionId }, data: { status: "DISCONNECTED" } });
    expect(await startCatalogImport({ organizationId: org.organizationId, connectionId, kind: "full" })).toBeNull();
    expect(await testDb.catalogImport.count()).toBe(0);
  });
});

describe("failCatalogImport (the import job's onFailure)", () => {
  it("finishes the running import as failed with a readable reason and says what to do", async () => {
    const { org, connectionId } = await storeWithCatalog(1);
    const progress = (await startCatalogImport({ organizationId: org.organizationId, connectionId, kind: "full" }))!;
    const error = { name: "JobFailure", message: new JobFailure({ code: "shopify.needsReauthorization" }).message };
    expect(await failCatalogImport({ organizationId: org.organizationId, connectionId, error, runId: "run_3" })).toBe(true);
    expect(await testDb.catalogImport.findUniqueOrThrow({ where: { id: progress.importId } })).toMatchObject({
      status: "FAILED",
      error: "The import failed: Shopify no longer accepts Ferry's authorization for this store.",
    });
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: org.organizationId, type: "catalog.import_failed" } });
    expect(entry).toMatchObject({ level: "ERROR", subjectType: "connection", subjectId: connectionId });
    expect(entry!.message).toMatch(/^Importing the catalog of .+ failed: Shopify no longer accepts Ferry's authorization for this store\. Re-authorize the store under Connections\.$/);
  });

  it("names the reference for an unexpected error and suggests Import now", async () => {
    const { org, connectionId } = await storeWithCatalog(1);
    expect(await failCatalogImport({ organizationId: org.organizationId, connectionId, error: { name: "Error", message: "socket hang up at 10.0.0.7" }, runId: "run_4" })).toBe(true);
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: org.organizationId, type: "catalog.import_failed" } });
    expect(entry!.message).toMatch(/failed: an unexpected error \(reference run_4\)\. Try "Import now" on Products\.$/);
    expect(entry!.message).not.toContain("10.0.0.7");
  });
});
