import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, passwordWeakness, verifyPassword } from "./password";

describe("passwordWeakness", () => {
  it.each([
    ["short", "at least 10"],
    ["password123", "too common"],
    ["aaaaaaaaaaaa", "different characters"],
    ["merchant-jane-2026", "email"],
    ["x".repeat(129), "at most 128"],
  ])("refuses %s", (password, reason) => {
    expect(passwordWeakness(password, "merchant-jane@example.com")).toContain(reason);
  });

  it("accepts a reasonable passphrase", () => {
    expect(passwordWeakness("correct horse battery", "jane@example.com")).toBeNull();
  });
});

describe("hashPassword / verifyPassword", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).not.toContain("correct");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
  });

  afterEach(() => vi.restoreAllMocks());

  // Timing itself is not asserted (a timed test is flaky on a shared machine); the work is: with no
  // account, the password is still run through one bcrypt compare against a real hash of the same cost.
  it.each([null, undefined, ""])("refuses when there is no account (hash %j), after the same bcrypt work", async (missing) => {
    const real = await hashPassword("correct horse battery");
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await verifyPassword("anything at all", missing)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    const [password, dummy] = compare.mock.calls[0]!;
    expect(password).toBe("anything at all");
    expect(bcrypt.getRounds(String(dummy))).toBe(bcrypt.getRounds(real));
    expect(await compare.mock.results[0]!.value).toBe(false);

    compare.mockClear();
    expect(await verifyPassword("anything at all", real)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
  });
});
