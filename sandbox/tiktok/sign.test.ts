import { describe, expect, it } from "vitest";
import { tiktokSign, webhookSignature } from "./sign";
import { independentSign } from "./test-kit";
import crypto from "node:crypto";

// TikTok's worked example (guide "Sign your API request"), pinned.
const EXAMPLE = "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8";

describe("TikTok request signature", () => {
  it("reproduces TikTok's worked example with the sandbox signer", () => {
    const query = new URLSearchParams("app_key=29a39d&timestamp=1623812664");
    expect(tiktokSign({ path: "/authorization/202309/shops", query, body: "", secret: "e59af819cc" })).toBe(EXAMPLE);
  });

  it("reproduces it with the independent test signer too", () => {
    expect(independentSign("e59af819cc", "/authorization/202309/shops", { app_key: "29a39d", timestamp: "1623812664" })).toBe(EXAMPLE);
  });

  it("ignores sign and access_token, sorts keys and appends the raw body like the independent signer", () => {
    const q = { timestamp: "1696909648", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK", app_key: "68xu9ks5p4i8", sign: "x", access_token: "y" };
    const body = '{    "address":"https://partner.tiktokshop.com",    "event_type": "PACKAGE_UPDATE"}';
    const ours = tiktokSign({ path: "/event/202309/webhooks", query: new URLSearchParams(q), body, contentType: "application/json", secret: "s3cr3t" });
    expect(ours).toBe(independentSign("s3cr3t", "/event/202309/webhooks", q, body));
    expect(ours).not.toBe(independentSign("s3cr3t", "/event/202309/webhooks", q, ""));
  });

  it("leaves a multipart body out", () => {
    const q = new URLSearchParams({ app_key: "a", timestamp: "1" });
    const withMultipart = tiktokSign({ path: "/p", query: q, body: "--boundary", contentType: "multipart/form-data; boundary=x", secret: "k" });
    expect(withMultipart).toBe(tiktokSign({ path: "/p", query: q, body: "", secret: "k" }));
  });

  it("signs webhooks as hex HMAC-SHA256(app_secret, app_key + body)", () => {
    const body = '{"type":1}';
    expect(webhookSignature("key", "secret", body)).toBe(crypto.createHmac("sha256", "secret").update("key" + body).digest("hex"));
  });
});
