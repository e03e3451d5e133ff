import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptWith, DecryptionError, encryptWith, parseKeys, safeEqual } from "./crypto";

const key = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;

describe("token encryption", () => {
  it("round-trips, and never stores the plaintext", () => {
    const keys = parseKeys(key("k1"));
    const sealed = encryptWith(keys, "shpat_secret_token");
    expect(sealed).toMatch(/^v1\.k1\./);
    expect(sealed).not.toContain("shpat_secret_token");
    expect(decryptWith(keys, sealed)).toBe("shpat_secret_token");
    expect(encryptWith(keys, "same")).not.toBe(encryptWith(keys, "same"));
  });

  it("keeps decrypting with an old key after rotation", () => {
    const old = key("old");
    const sealed = encryptWith(parseKeys(old), "token");
    const rotated = parseKeys(`${key("new")},${old}`);
    expect(decryptWith(rotated, sealed)).toBe("token");
    expect(encryptWith(rotated, "token")).toMatch(/^v1\.new\./);
  });

  it("refuses tampering, a missing key and garbage", () => {
    const keys = parseKeys(key("k1"));
    const sealed = encryptWith(keys, "token");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("forged").toString("base64url");
    expect(() => decryptWith(keys, parts.join("."))).toThrow(DecryptionError);
    expect(() => decryptWith(parseKeys(key("other")), sealed)).toThrow('No encryption key "k1"');
    expect(() => decryptWith(keys, "plain")).toThrow(DecryptionError);
  });

  it.each([[""], ["nokey"], ["k1:short"], ["bad id!:" + randomBytes(32).toString("base64")]])("refuses the key setting %j", (value) => {
    expect(() => parseKeys(value)).toThrow();
  });
});

describe("safeEqual", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
  ])("%s vs %s → %s", (a, b, expected) => expect(safeEqual(a, b)).toBe(expected));
});
