import { describe, expect, it } from "vitest";
import { shopDomainHint, shopDomainHintText } from "./shop-domain-hint";

describe("shopDomainHint", () => {
  it.each([
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["acme", { kind: "ok", shop: "acme.myshopify.com" }],
    ["  Acme-Store ", { kind: "ok", shop: "acme-store.myshopify.com" }],
    ["acme.myshopify.com", { kind: "ok", shop: "acme.myshopify.com" }],
    ["ACME.MYSHOPIFY.COM", { kind: "ok", shop: "acme.myshopify.com" }],
    ["a1", { kind: "ok", shop: "a1.myshopify.com" }],
  ])("%j → %o", (input, hint) => {
    expect(shopDomainHint(input)).toEqual(hint);
  });

  it.each([
    ["https://acme.myshopify.com", "https://"],
    ["acme.myshopify.com/admin", "only the store address"],
    ["acme store", "only the store address"],
    ["acme.myshopify.com:443", "only the store address"],
    ["shop.acme.com", "custom domain"],
    ["acme.myshopify.com.evil.com", "custom domain"],
    ["-acme", "inner hyphens"],
    ["acme-", "inner hyphens"],
    ["ac_me", "inner hyphens"],
    [".myshopify.com", "inner hyphens"],
    ["a".repeat(64), "inner hyphens"],
  ])("%j is flagged (%s)", (input, fragment) => {
    const hint = shopDomainHint(input);
    expect(hint.kind).toBe("problem");
    expect(hint.kind === "problem" && hint.message).toContain(fragment);
  });
});

describe("shopDomainHintText", () => {
  it("previews the address, shows the problem, or explains the field", () => {
    expect(shopDomainHintText({ kind: "ok", shop: "acme.myshopify.com" })).toBe("Ferry will connect acme.myshopify.com.");
    expect(shopDomainHintText({ kind: "problem", message: "Nope." })).toBe("Nope.");
    expect(shopDomainHintText({ kind: "empty" })).toContain("your-store.myshopify.com");
  });
});
