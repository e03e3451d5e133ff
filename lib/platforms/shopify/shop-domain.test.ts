import { describe, expect, it } from "vitest";
import { checkShopDomain, InvalidShopDomainError, isCanonicalShopDomain, normalizeShopDomain, shopDomainSchema } from "./shop-domain";

describe("checkShopDomain", () => {
  it.each([
    ["acme", "acme.myshopify.com"],
    ["acme.myshopify.com", "acme.myshopify.com"],
    ["  Acme-Store.MyShopify.com \n", "acme-store.myshopify.com"],
    ["a", "a.myshopify.com"],
    ["shop-2026", "shop-2026.myshopify.com"],
    ["0-1", "0-1.myshopify.com"],
    ["x".repeat(63), `${"x".repeat(63)}.myshopify.com`],
    ["xn--80ak6aa92e", "xn--80ak6aa92e.myshopify.com"], // a punycode label is plain letters, digits and hyphens
  ])("accepts %j as %s", (input, shop) => {
    expect(checkShopDomain(input)).toEqual({ ok: true, shop });
  });

  it.each([
    ["", /Enter your store's address/],
    ["   ", /Enter your store's address/],
    ["evil.com", /not a custom domain/],
    ["a.myshopify.com.evil.com", /not a custom domain/],
    ["evil.com/.myshopify.com", /without a path/],
    ["a.myshopify.com.", /not a custom domain/],
    ["shop.example.myshopify.com", /not a custom domain/],
    ["myshopify.com", /not a custom domain/],
    [".myshopify.com", /does not start or end with a hyphen|letters a to z/],
    ["https://x.myshopify.com/admin", /without https:\/\//],
    ["http://x.myshopify.com", /without https:\/\//],
    ["//x.myshopify.com", /without a path/],
    ["x.myshopify.com/admin", /without a path/],
    ["x.myshopify.com?x=1", /without a path/],
    ["x.myshopify.com#top", /without a path/],
    ["x.myshopify.com\\evil.com", /without a path/],
    ["x.myshopify.com:443", /without a port/],
    ["user@x.myshopify.com", /without a port or user name/],
    ["javascript:alert(1)", /without a port/],
    ["my shop", /without spaces/],
    ["my_shop", /only the letters a to z, digits and hyphens/],
    ["-shop", /does not start or end with a hyphen/],
    ["shop-", /does not start or end with a hyphen/],
    ["x%2e.myshopify.com", /only the letters a to z, digits and hyphens/],
    ["shöp", /letters a to z/],
    ["\u212Aevin", /letters a to z/], // KELVIN SIGN lowercases to ASCII "k": refused before lowercasing
    ["ｓｈｏｐ.myshopify.com", /letters a to z/], // fullwidth letters
    ["shop\u0000.myshopify.com", /letters a to z/],
    ["shop\u200b", /letters a to z/], // zero-width space
    ["x".repeat(64), /at most 63 characters/],
    ["x".repeat(200), /too long/],
    [`${"x".repeat(200)}.myshopify.com`, /too long/],
  ])("refuses %j", (input, message) => {
    const result = checkShopDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("throws a merchant-facing error from normalizeShopDomain", () => {
    expect(normalizeShopDomain("Acme")).toBe("acme.myshopify.com");
    expect(() => normalizeShopDomain("evil.com")).toThrow(InvalidShopDomainError);
  });

  it("accepts only the canonical form where Shopify itself is the sender", () => {
    expect(isCanonicalShopDomain("acme.myshopify.com")).toBe(true);
    expect(isCanonicalShopDomain("acme")).toBe(false);
    expect(isCanonicalShopDomain("ACME.myshopify.com")).toBe(false);
    expect(isCanonicalShopDomain(" acme.myshopify.com")).toBe(false);
  });

  it("parses request bodies through zod with the same message", () => {
    expect(shopDomainSchema.parse("acme")).toBe("acme.myshopify.com");
    const bad = shopDomainSchema.safeParse("https://acme.myshopify.com");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/without https/);
  });
});
