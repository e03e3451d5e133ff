import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { AppError } from "../errors";
import { ShopifyApiError } from "../platforms/shopify/errors";
import { TikTokApiError } from "../platforms/tiktok/errors";
import { resetDatabase, testDb } from "../testing/db";
import { describeJobFailure, JobFailure } from "./job-failure-reason";
import { recordJobFailure } from "./record-job-failure";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

const tiktok = (kind: TikTokApiError["kind"]) =>
  new TikTokApiError({ kind, code: 105005, platformMessage: "buyer jane@example.test not allowed", requestId: "r1", httpStatus: 200, endpoint: "GET /product/202309/products" });
const shopify = (kind: ShopifyApiError["kind"]) => new ShopifyApiError({ kind, status: 402, message: "Shopify refused productUpdate: title: Jane's secret note" });
// What onFailure receives: rebuilt from JSON, class and fields gone.
const asReceived = (error: Error) => ({ name: error.name, message: error.message });

describe("describeJobFailure", () => {
  it.each([
    ["a live TikTok error by its kind", tiktok("needsReauthorization"), /no longer accepts Ferry's authorization/, "Re-authorize the store under Connections."],
    ["a live Shopify error by its kind", shopify("userFixable"), /frozen or locked/, "Check the store in Shopify admin."],
    ["a rate limit, with no action of its own", tiktok("rateLimited"), /slow down \(its API rate limit\)/, undefined],
    ["a JobFailure as onFailure receives it", asReceived(new JobFailure({ code: "shopify.needsReauthorization" })), /Shopify no longer accepts/, "Re-authorize the store under Connections."],
    ["an AppError by its message (written for users)", asReceived(new AppError("CONFLICT", "The store is not paired with a Shopify store.")), /^The store is not paired with a Shopify store$/, undefined],
    ["an unknown error as unexpected, with the reference", asReceived(new Error("connect ECONNREFUSED postgres://ferry:hunter2@db")), /^an unexpected error \(reference run_9\)$/, undefined],
    ["a JobFailure with an unknown code as unexpected", { name: "JobFailure", message: "made.up" }, /^an unexpected error/, undefined],
  ])("describes %s", (_what, error, reason, action) => {
    const described = describeJobFailure({ error, reference: "run_9" });
    expect(described.reason).toMatch(reason);
    expect(described.action).toBe(action);
  });
});

describe("recordJobFailure", () => {
  async function organizationId() {
    await signUp({ email: "o@example.test", password: "river stone lantern 42", organizationName: "Acme" });
    return (await testDb.membership.findFirstOrThrow()).organizationId;
  }

  it("records the reason and the job's own next step, never the raw error text", async () => {
    const org = await organizationId();
    await recordJobFailure({
      organizationId: org, type: "mapping.batch_failed", what: "Mapping the selected products", next: 'Select the products again and press "Map".',
      error: asReceived(new Error("duplicate key value violates unique constraint; token=abc123")), runId: "run_42", subjectType: "mappingBatch", subjectId: "b1",
    });
    const entry = await testDb.activityEntry.findFirstOrThrow({ where: { organizationId: org } });
    expect(entry).toMatchObject({ level: "ERROR", type: "mapping.batch_failed", subjectType: "mappingBatch", subjectId: "b1" });
    expect(entry.message).toBe('Mapping the selected products failed: an unexpected error (reference run_42). Select the products again and press "Map".');
    expect(entry.message).not.toMatch(/schedule|abc123|duplicate key/);
  });

  it("puts the reason's own action before the job's next step and keeps platform text out", async () => {
    const org = await organizationId();
    await recordJobFailure({ organizationId: org, type: "catalog.import_failed", what: "Importing the catalog of Acme US", next: 'Try "Import now" on Products.', error: asReceived(new JobFailure({ code: "tiktok.needsReauthorization" })) });
    await recordJobFailure({ organizationId: org, type: "catalog.import_failed", what: "Importing the catalog of Acme US", error: tiktok("userFixable") });
    const messages = (await testDb.activityEntry.findMany({ where: { organizationId: org }, orderBy: { createdAt: "asc" } })).map((e) => e.message);
    expect(messages[0]).toBe("Importing the catalog of Acme US failed: TikTok Shop no longer accepts Ferry's authorization for this shop. Re-authorize the store under Connections.");
    expect(messages[1]).toContain("Check the shop in TikTok Shop Seller Center.");
    expect(messages.join(" ")).not.toContain("jane@example.test");
  });

  it("says nothing about a schedule unless the job says so", async () => {
    const org = await organizationId();
    await recordJobFailure({ organizationId: org, type: "connections.webhooks", what: "Subscribing the store's webhooks", error: asReceived(new Error("x")) });
    const entry = await testDb.activityEntry.findFirstOrThrow({ where: { organizationId: org } });
    expect(entry.message).toBe("Subscribing the store's webhooks failed: an unexpected error. If it keeps failing, check the store under Connections.");
  });
});
