import { describe, expect, it } from "vitest";
import { organizationSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Acme Goods", "acme-goods"],
    ["  Café  Nöir!! ", "cafe-noir"],
    ["???", "org"],
    ["Jane’s Goods", "janes-goods"],
    ["a".repeat(60), "a".repeat(40)],
  ])("%s → %s", (name, slug) => expect(slugify(name)).toBe(slug));

  it("adds a random suffix so slugs do not collide", () => {
    const a = organizationSlug("Acme");
    expect(a).toMatch(/^acme-[0-9a-f]{6}$/);
    expect(organizationSlug("Acme")).not.toBe(a);
  });
});
