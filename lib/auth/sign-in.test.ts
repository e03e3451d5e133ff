import bcrypt from "bcryptjs";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { authenticateWithPassword } from "./credentials";
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "./login-throttle";
import { signUp, signUpSchema } from "./sign-up";

const PASSWORD = "river stone lantern 42";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());
afterEach(() => vi.restoreAllMocks());

async function account(email = "owner@example.test") {
  return signUp(signUpSchema.parse({ email, password: PASSWORD, organizationName: "Acme" }));
}

describe("sign-up", () => {
  it("creates the user, an organization and the owner membership in one go", async () => {
    const { userId, organizationSlug } = await account("Owner@Example.test");
    const membership = await testDb.membership.findFirstOrThrow({ where: { userId }, include: { organization: true, user: true } });
    expect(membership.role).toBe("OWNER");
    expect(membership.organization.slug).toBe(organizationSlug);
    expect(membership.user.email).toBe("owner@example.test");
    expect(membership.user.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a duplicate email (any case) and leaves nothing behind", async () => {
    await account();
    await expect(account("OWNER@example.test")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already exists") });
    expect(await testDb.user.count()).toBe(1);
    expect(await testDb.organization.count()).toBe(1);
  });

  it.each([
    [{ email: "not-an-email", password: PASSWORD, organizationName: "Acme" }, "valid email"],
    [{ email: "a@example.test", password: "short", organizationName: "Acme" }, "at least 10"],
    [{ email: "a@example.test", password: "password123", organizationName: "Acme" }, "too common"],
    [{ email: "a@example.test", password: PASSWORD }, "organization's name"],
    [{ email: "a@example.test", password: PASSWORD, organizationName: "A" }, "at least 2"],
    [{ email: "a@example.test", password: PASSWORD, organizationName: "Acme", role: "OWNER" }, "Unrecognized key"],
  ])("refuses %j", (input, message) => {
    const result = signUpSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(" ")).toContain(message);
  });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email with one message", async () => {
    const { userId } = await account();
    await expect(authenticateWithPassword({ email: "owner@example.test", password: PASSWORD }, "10.0.0.1")).resolves.toMatchObject({ id: userId });
    await expect(authenticateWithPassword({ email: "owner@example.test", password: "wrong password!" }, "10.0.0.1")).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong email or password.",
    });
    await expect(authenticateWithPassword({ email: "nobody@example.test", password: PASSWORD }, "10.0.0.1")).rejects.toMatchObject({
      message: "Wrong email or password.",
    });
  });

  it("runs one bcrypt compare for an unknown email, as for a wrong password (no enumeration by timing)", async () => {
    await account();
    const compare = vi.spyOn(bcrypt, "compare");
    await expect(authenticateWithPassword({ email: "owner@example.test", password: "wrong password!" }, "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateWithPassword({ email: "nobody@example.test", password: "wrong password!" }, "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(compare).toHaveBeenCalledTimes(2);
    const [known, unknown] = compare.mock.calls.map(([, hash]) => bcrypt.getRounds(String(hash)));
    expect(unknown).toBe(known);
  });

  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(authenticateWithPassword({ email: "owner@example.test", password: `wrong ${i} password` }, `10.0.0.${i}`)).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(authenticateWithPassword({ email: "owner@example.test", password: PASSWORD }, "10.9.9.9")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: `Too many failed sign-in attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
    });
  });

  it("unlocks when the window has passed", async () => {
    await account();
    const old = new Date(Date.now() - (LOGIN_WINDOW_MINUTES + 1) * 60_000);
    await testDb.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, () => ({ email: "owner@example.test", ip: "10.0.0.1", succeeded: false, createdAt: old })),
    });
    await expect(authenticateWithPassword({ email: "owner@example.test", password: PASSWORD }, "10.0.0.1")).resolves.toBeTruthy();
  });

  it("limits one IP trying many accounts", async () => {
    await testDb.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_IP }, (_, i) => ({ email: `victim${i}@example.test`, ip: "203.0.113.7", succeeded: false })),
    });
    const fresh = { email: "fresh@example.test", password: PASSWORD };
    await expect(authenticateWithPassword(fresh, "203.0.113.7")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(authenticateWithPassword(fresh, "203.0.113.8")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  // The limit must hold against a burst: every guess is counted before any password is compared.
  it("lets no more than the limit through when guesses for one account arrive at once", async () => {
    await account();
    const burst = MAX_FAILURES_PER_ACCOUNT + 7;
    const results = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => authenticateWithPassword({ email: "owner@example.test", password: `guess ${i} password` }, `10.1.0.${i}`)),
    );
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as { code?: string }).code : "SIGNED_IN"));
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(burst - MAX_FAILURES_PER_ACCOUNT);
    expect(await testDb.loginAttempt.count({ where: { email: "owner@example.test" } })).toBe(MAX_FAILURES_PER_ACCOUNT);
    // Even the right password is refused now.
    await expect(authenticateWithPassword({ email: "owner@example.test", password: PASSWORD }, "10.9.9.9")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("lets no more than the per-IP limit through when one IP tries many accounts at once", async () => {
    const burst = MAX_FAILURES_PER_IP + 5;
    const results = await Promise.allSettled(
      Array.from({ length: burst }, (_, i) => authenticateWithPassword({ email: `target${i}@example.test`, password: PASSWORD }, "198.51.100.9")),
    );
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as { code?: string }).code : "SIGNED_IN"));
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(MAX_FAILURES_PER_IP);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(burst - MAX_FAILURES_PER_IP);
  });

  it("clears the account's failures after a success, but a success does not count as a failure", async () => {
    const { userId } = await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      await expect(authenticateWithPassword({ email: "owner@example.test", password: `wrong ${i} password` }, "10.0.0.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(authenticateWithPassword({ email: "owner@example.test", password: PASSWORD }, "10.0.0.1")).resolves.toMatchObject({ id: userId });
    const attempts = await testDb.loginAttempt.findMany({ where: { email: "owner@example.test" } });
    expect(attempts.map((attempt) => attempt.succeeded)).toEqual([true]);
  });

  it("refuses malformed input with a 400, not a crash", async () => {
    await expect(authenticateWithPassword({ email: ["x"], password: 1 }, "10.0.0.1")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(authenticateWithPassword(undefined, "10.0.0.1")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
