import { describe, expect, it } from "vitest";
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

  it("refuses when there is no account, after doing the same work", async () => {
    expect(await verifyPassword("anything at all", null)).toBe(false);
  });
});
