import { beforeAll, beforeEach, expect, it } from "vitest";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { recordJobFailure } from "./record-job-failure";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

it("records a failed job as an error entry with the reason and what to do", async () => {
  await signUp({ email: "o@example.test", password: "river stone lantern 42", organizationName: "Acme" });
  const { organizationId } = await testDb.membership.findFirstOrThrow();
  await recordJobFailure({ organizationId, type: "connections.health_check", what: "The connection health check", error: { message: "database unreachable" } });
  const entry = await testDb.activityEntry.findFirstOrThrow({ where: { organizationId } });
  expect(entry.level).toBe("ERROR");
  expect(entry.message).toContain("The connection health check failed after several attempts: database unreachable.");
  expect(entry.message).toContain("check Connections");
});
