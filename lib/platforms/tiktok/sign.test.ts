import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { signTikTokRequest, tiktokSignatureBase } from "./sign";

// TikTok's worked example ("Sign your API request" guide): Get Authorized Shops with app secret e59af819cc.
const EXAMPLE = { appSecret: "e59af819cc", path: "/authorization/202309/shops", query: { app_key: "29a39d", timestamp: "1623812664" } };

describe("signTikTokRequest", () => {
  it("reproduces TikTok's worked example", () => {
    expect(tiktokSignatureBase(EXAMPLE)).toBe("e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc");
    expect(signTikTokRequest(EXAMPLE)).toBe("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
  });

  it("leaves sign and access_token out and sorts the rest by key", () => {
    const withExtras = { ...EXAMPLE, query: { timestamp: "1623812664", sign: "whatever", access_token: "TTP_x", app_key: "29a39d" } };
    expect(signTikTokRequest(withExtras)).toBe("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8");
  });

  it("appends the raw JSON body (the guide's Update Shop Webhook example) but not a multipart one", () => {
    const body = '{    "address":"https://partner.tiktokshop.com",    "event_type": "PACKAGE_UPDATE"}';
    const options = { appSecret: "s", path: "/event/202309/webhooks", query: { app_key: "68xu9ks5p4i8", shop_cipher: "ROW_xkMbgAAAeVAQra0eZWebFQq5aIKt", timestamp: "1696909648" }, body };
    expect(tiktokSignatureBase(options)).toBe(`s/event/202309/webhooksapp_key68xu9ks5p4i8shop_cipherROW_xkMbgAAAeVAQra0eZWebFQq5aIKttimestamp1696909648${body}s`);
    const expected = crypto.createHmac("sha256", "s").update(tiktokSignatureBase(options)).digest("hex");
    expect(signTikTokRequest(options)).toBe(expected);
    expect(signTikTokRequest({ ...options, contentType: "multipart/form-data; boundary=x" })).toBe(signTikTokRequest({ ...options, body: "" }));
  });

  it("changes with the body, the path and the secret", () => {
    const base = signTikTokRequest({ ...EXAMPLE, body: "{}" });
    expect(signTikTokRequest({ ...EXAMPLE, body: "{ }" })).not.toBe(base);
    expect(signTikTokRequest({ ...EXAMPLE, path: "/seller/202309/shops", body: "{}" })).not.toBe(base);
    expect(signTikTokRequest({ ...EXAMPLE, appSecret: "other", body: "{}" })).not.toBe(base);
  });
});
