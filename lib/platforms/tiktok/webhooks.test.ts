import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseTikTokWebhook, TIKTOK_WEBHOOK_TYPES, tiktokWebhookTopic, upcomingAuthorizationExpirationDataSchema, verifyTikTokWebhook } from "./webhooks";

const APP = { appKey: "29a39d", appSecret: "e59af819cc" };
// The seller deauthorization example from TikTok's webhook guide.
const BODY = '{"type":6,"tts_notification_id":"7327112393057371910","shop_id":"7494049642642441621","timestamp":1644412885,"data":{"message":"Shop_id {xxx} is deauthorized from your APP by merchant."}}';
const SIGNATURE = crypto.createHmac("sha256", APP.appSecret).update(APP.appKey + BODY).digest("hex");

describe("verifyTikTokWebhook", () => {
  it("accepts TikTok's signature over app key + raw body, as a string or bytes", () => {
    expect(verifyTikTokWebhook({ ...APP, rawBody: BODY, authorizationHeader: SIGNATURE })).toBe(true);
    expect(verifyTikTokWebhook({ ...APP, rawBody: Buffer.from(BODY), authorizationHeader: SIGNATURE })).toBe(true);
  });

  it.each([
    ["a changed body", { rawBody: BODY.replace("7494049642642441621", "7494049642642441622") }],
    ["another secret", { appSecret: "other" }],
    ["another app key", { appKey: "other" }],
    ["a missing header", { authorizationHeader: undefined }],
    ["an empty header", { authorizationHeader: "" }],
    ["a truncated signature", { authorizationHeader: SIGNATURE.slice(0, 63) }],
    ["an uppercase signature", { authorizationHeader: SIGNATURE.toUpperCase() }],
    ["a signature of the body alone", { authorizationHeader: crypto.createHmac("sha256", APP.appSecret).update(BODY).digest("hex") }],
  ])("refuses %s", (_name, change) => {
    expect(verifyTikTokWebhook({ ...APP, rawBody: BODY, authorizationHeader: SIGNATURE, ...change })).toBe(false);
  });
});

describe("parseTikTokWebhook", () => {
  it("names the topic of a known type", () => {
    const parsed = parseTikTokWebhook(BODY);
    expect(parsed).toMatchObject({ ok: true, topic: "SELLER_DEAUTHORIZATION", envelope: { tts_notification_id: "7327112393057371910", shop_id: "7494049642642441621" } });
  });

  it("refuses unknown types and malformed bodies", () => {
    expect(parseTikTokWebhook(BODY.replace('"type":6', '"type":36'))).toEqual({ ok: false, reason: "unknown_type", type: 36 });
    expect(parseTikTokWebhook("not json")).toEqual({ ok: false, reason: "malformed" });
    expect(parseTikTokWebhook('{"type":1,"shop_id":"1","timestamp":1,"data":{}}')).toEqual({ ok: false, reason: "malformed" });
  });

  it("maps every type PLATFORMS.md lists, both ways", () => {
    expect(TIKTOK_WEBHOOK_TYPES).toEqual({
      ORDER_STATUS_CHANGE: 1, PACKAGE_UPDATE: 4, PRODUCT_STATUS_CHANGE: 5, SELLER_DEAUTHORIZATION: 6, UPCOMING_AUTHORIZATION_EXPIRATION: 7,
      CANCELLATION_STATUS_CHANGE: 11, RETURN_STATUS_CHANGE: 12, PRODUCT_INFORMATION_CHANGE: 15, PRODUCT_CREATION: 16,
    });
    expect(tiktokWebhookTopic(16)).toBe("PRODUCT_CREATION");
    expect(tiktokWebhookTopic(2)).toBeNull();
  });

  it("reads the expiration time of an upcoming expiration, sent as a string", () => {
    expect(upcomingAuthorizationExpirationDataSchema.parse({ message: "m", expiration_time: "1627587506" }).expiration_time).toBe(1627587506);
  });
});
