import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { HEALTH_CHECK_ACTIVITY, listOrganizationIds, listStoresToCheck, recordHealthCheck } from "./check-connection-health";
import type { StoreCheck } from "./check-store";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function organizationId(email = "owner@example.test") {
  await signUp({ email, password: "river stone lantern 42", organizationName: "Acme" });
  return (await testDb.membership.findFirstOrThrow({ where: { user: { email } } })).organizationId;
}

const entries = (organizationId: string) => testDb.activityEntry.findMany({ where: { organizationId, type: HEALTH_CHECK_ACTIVITY }, orderBy: { createdAt: "asc" } });

async function store(organizationId: string, options: { name: string; status?: "ACTIVE" | "NEEDS_REAUTH" | "DISCONNECTED" }) {
  const credential = await testDb.credential.create({ data: { organizationId, platform: "SHOPIFY", subject: `${options.name}.myshopify.com`, accessToken: "x", scopes: [] } });
  return testDb.connection.create({
    data: { organizationId, platform: "SHOPIFY", externalId: `${options.name}.myshopify.com`, name: options.name, credentialId: credential.id, status: options.status ?? "ACTIVE" },
  });
}

describe("recordHealthCheck", () => {
  it("says there is nothing to check yet and records it once per outcome on a schedule", async () => {
    const org = await organizationId();
    const first = await recordHealthCheck({ organizationId: org, stores: [], checkKey: "run-1" });
    expect(first).toMatchObject({ status: "no_connections", recorded: true });
    expect(first.message).toContain("Connect Shopify and TikTok Shop");
    const second = await recordHealthCheck({ organizationId: org, stores: [], checkKey: "run-2" });
    expect(second.recorded).toBe(false);
    expect(await entries(org)).toHaveLength(1);
  });

  it("records every check a member asks for, but a step that runs twice records once", async () => {
    const org = await organizationId();
    await recordHealthCheck({ organizationId: org, stores: [], checkKey: "run-1", always: true });
    await recordHealthCheck({ organizationId: org, stores: [], checkKey: "run-1", always: true });
    await recordHealthCheck({ organizationId: org, stores: [], checkKey: "run-2", always: true });
    expect(await entries(org)).toHaveLength(2);
  });

  it("names healthy stores, or each store's problem", async () => {
    const org = await organizationId();
    const healthy: StoreCheck[] = [{ connectionId: "c1", name: "Acme US", ok: true }, { connectionId: "c2", name: "Acme Shopify", ok: true }];
    await recordHealthCheck({ organizationId: org, stores: healthy, checkKey: "run-1" });
    await recordHealthCheck({ organizationId: org, stores: [healthy[0]!, { connectionId: "c2", name: "Acme Shopify", ok: false, problem: "needs re-authorization" }], checkKey: "run-2" });
    expect((await entries(org)).map((e) => [e.level, e.message])).toEqual([
      ["SUCCESS", "Connection health check: 2 stores healthy (Acme US, Acme Shopify)."],
      ["ERROR", "Connection health check: Acme Shopify: needs re-authorization"],
    ]);
  });

  it("writes only to the organization it checks", async () => {
    const a = await organizationId("a@example.test");
    const b = await organizationId("b@example.test");
    await recordHealthCheck({ organizationId: a, stores: [], checkKey: "run-1" });
    expect(await entries(a)).toHaveLength(1);
    expect(await entries(b)).toHaveLength(0);
    expect((await listOrganizationIds()).sort()).toEqual([a, b].sort());
  });
});

describe("listStoresToCheck", () => {
  it("lists the organization's active and re-authorization stores, or the one asked for, never another organization's", async () => {
    const a = await organizationId("a@example.test");
    const b = await organizationId("b@example.test");
    const one = await store(a, { name: "one" });
    const two = await store(a, { name: "two", status: "NEEDS_REAUTH" });
    const gone = await store(a, { name: "gone", status: "DISCONNECTED" });
    const theirs = await store(b, { name: "theirs" });
    expect(await listStoresToCheck({ organizationId: a })).toEqual([one.id, two.id]);
    expect(await listStoresToCheck({ organizationId: a, connectionId: gone.id })).toEqual([gone.id]);
    expect(await listStoresToCheck({ organizationId: a, connectionId: theirs.id })).toEqual([]);
  });
});
