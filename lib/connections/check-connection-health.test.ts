import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { HEALTH_CHECK_ACTIVITY, checkConnectionHealth, listOrganizationIds } from "./check-connection-health";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function organizationId(email = "owner@example.test") {
  await signUp({ email, password: "river stone lantern 42", organizationName: "Acme" });
  return (await testDb.membership.findFirstOrThrow({ where: { user: { email } } })).organizationId;
}

const entries = (organizationId: string) => testDb.activityEntry.findMany({ where: { organizationId, type: HEALTH_CHECK_ACTIVITY } });

describe("checkConnectionHealth", () => {
  it("says there is nothing to check yet and records it once per outcome on a schedule", async () => {
    const org = await organizationId();
    const first = await checkConnectionHealth({ organizationId: org, checkKey: "run-1" });
    expect(first).toMatchObject({ status: "no_connections", recorded: true });
    expect(first.message).toContain("Connect Shopify and TikTok Shop");
    const second = await checkConnectionHealth({ organizationId: org, checkKey: "run-2" });
    expect(second.recorded).toBe(false);
    expect(await entries(org)).toHaveLength(1);
  });

  it("records every check a member asks for, but a step that runs twice records once", async () => {
    const org = await organizationId();
    await checkConnectionHealth({ organizationId: org, checkKey: "run-1", always: true });
    await checkConnectionHealth({ organizationId: org, checkKey: "run-1", always: true });
    await checkConnectionHealth({ organizationId: org, checkKey: "run-2", always: true });
    expect(await entries(org)).toHaveLength(2);
  });

  it("writes only to the organization it checks", async () => {
    const a = await organizationId("a@example.test");
    const b = await organizationId("b@example.test");
    await checkConnectionHealth({ organizationId: a, checkKey: "run-1" });
    expect(await entries(a)).toHaveLength(1);
    expect(await entries(b)).toHaveLength(0);
    expect((await listOrganizationIds()).sort()).toEqual([a, b].sort());
  });
});
