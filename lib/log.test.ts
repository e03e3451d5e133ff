import { describe, expect, it } from "vitest";
import { redact } from "./log";

describe("redact", () => {
  it("hides anything that looks like a credential, at any depth", () => {
    const out = redact({
      accessToken: "shpat_123",
      nested: { refresh_token: "r", Authorization: "Bearer x", list: [{ password: "p", ok: 1 }] },
      clientSecret: "s",
      shop: "demo.myshopify.com",
    });
    const text = JSON.stringify(out);
    for (const secret of ["shpat_123", "Bearer x", '"p"', '"s"', '"r"']) expect(text).not.toContain(secret);
    expect(text).toContain("demo.myshopify.com");
    expect(text).toContain('"ok":1');
  });
});
