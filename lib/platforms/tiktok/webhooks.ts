import crypto from "node:crypto";
import { z } from "zod";

/** The webhook topics Ferry uses: Event API name → the numeric `type` in a delivered body. */
export const TIKTOK_WEBHOOK_TYPES = {
  ORDER_STATUS_CHANGE: 1,
  PACKAGE_UPDATE: 4,
  PRODUCT_STATUS_CHANGE: 5,
  SELLER_DEAUTHORIZATION: 6,
  UPCOMING_AUTHORIZATION_EXPIRATION: 7,
  CANCELLATION_STATUS_CHANGE: 11,
  RETURN_STATUS_CHANGE: 12,
  PRODUCT_INFORMATION_CHANGE: 15,
  PRODUCT_CREATION: 16,
} as const;
export type TikTokWebhookTopic = keyof typeof TIKTOK_WEBHOOK_TYPES;
export const TIKTOK_WEBHOOK_TOPICS = Object.keys(TIKTOK_WEBHOOK_TYPES) as TikTokWebhookTopic[];

const TOPIC_BY_TYPE = new Map<number, TikTokWebhookTopic>(TIKTOK_WEBHOOK_TOPICS.map((topic) => [TIKTOK_WEBHOOK_TYPES[topic], topic]));

/** The topic of a numeric `type`, or null for a type Ferry does not handle. */
export function tiktokWebhookTopic(type: number): TikTokWebhookTopic | null {
  return TOPIC_BY_TYPE.get(type) ?? null;
}

export const tiktokWebhookEnvelopeSchema = z.object({
  type: z.number().int(),
  tts_notification_id: z.string().min(1),
  shop_id: z.string().min(1),
  timestamp: z.number().int(),
  data: z.record(z.string(), z.unknown()),
});
export type TikTokWebhookEnvelope = z.infer<typeof tiktokWebhookEnvelopeSchema>;

// TikTok retries a failed push 4 times: 2 minutes, 30 minutes, 3 hours and 12 hours after each failure
// (webhook configuration guide), about 15.5 hours in all. 24 hours leaves room for queueing and clock
// differences; the timestamp is inside the signed body, and 24 hours is shorter than the 30 days
// notification ids are kept for dedupe, so no signed body can be replayed, whether or not its id is
// still stored.
export const TIKTOK_WEBHOOK_MAX_AGE_MS = 24 * 3_600_000;

/** True when the notification is older than any genuine retry can be (`timestamp` in Unix seconds). */
export function isStaleTikTokWebhook({ timestamp, now = Date.now() }: { timestamp: number; now?: number }): boolean {
  return now - timestamp * 1000 > TIKTOK_WEBHOOK_MAX_AGE_MS;
}

// The two seller topics the connection lifecycle acts on (webhook guides 6 and 7).
export const sellerDeauthorizationDataSchema = z.object({ message: z.string().default("") });
export const upcomingAuthorizationExpirationDataSchema = z.object({
  message: z.string().default(""),
  expiration_time: z.union([z.string(), z.number()]).transform(Number).optional(),
});

export type ParsedTikTokWebhook =
  | { ok: true; topic: TikTokWebhookTopic; envelope: TikTokWebhookEnvelope }
  | { ok: false; reason: "malformed" }
  | { ok: false; reason: "unknown_type"; type: number };

/** Parse a verified raw body: malformed bodies and types outside TIKTOK_WEBHOOK_TYPES are refused. */
export function parseTikTokWebhook(rawBody: string | Uint8Array): ParsedTikTokWebhook {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = tiktokWebhookEnvelopeSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const topic = tiktokWebhookTopic(parsed.data.type);
  if (!topic) return { ok: false, reason: "unknown_type", type: parsed.data.type };
  return { ok: true, topic, envelope: parsed.data };
}

export interface VerifyTikTokWebhookOptions {
  appKey: string;
  appSecret: string;
  /** The body exactly as received, before any JSON parsing. */
  rawBody: string | Uint8Array;
  authorizationHeader: string | null | undefined;
}

/** `Authorization` must be lowercase hex HMAC-SHA256(key = app secret, message = app key + raw body). */
export function verifyTikTokWebhook({ appKey, appSecret, rawBody, authorizationHeader }: VerifyTikTokWebhookOptions): boolean {
  if (!authorizationHeader || !appSecret) return false;
  const expected = crypto.createHmac("sha256", appSecret).update(appKey, "utf8").update(rawBody).digest("hex");
  const given = Buffer.from(authorizationHeader.trim(), "utf8");
  const wanted = Buffer.from(expected, "utf8");
  return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
}
