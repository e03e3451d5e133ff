import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LATE_SLOT_MS, THROTTLED_PAUSE_MS, TikTokClient, type TikTokClientOptions } from "./client";
import { defineEndpoint } from "./endpoints";
import { TikTokApiError } from "./errors";
import { tiktokItemErrorSchema } from "./schemas";

// Only the HTTP boundary is faked: an injected fetch that records requests and plays scripted answers.
interface Recorded { url: URL; method: string; headers: Headers; body: string }
type Answer = Response | ((init: RequestInit) => Promise<Response>) | Error;

function fakeFetch(answers: Answer[]) {
  const calls: Recorded[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: new URL(String(input)), method: init.method ?? "GET", headers: new Headers(init.headers), body: typeof init.body === "string" ? init.body : "" });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer(init) : answer.clone();
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const envelope = (data: unknown, init: { code?: number; message?: string; status?: number; headers?: Record<string, string> } = {}) =>
  new Response(JSON.stringify({ code: init.code ?? 0, message: init.message ?? "Success", data, request_id: "REQ1" }), { status: init.status ?? 200, headers: { "content-type": "application/json", ...init.headers } });

const NOW = 1_700_000_000_123;
const SHOP = { id: "7000714532876273420", name: "Maomao beauty shop", region: "GB", seller_type: "CROSS_BORDER", cipher: "GCP_XF90ig", code: "CNGBCBA4LLU8" };

function client(answers: Answer[], extra: Partial<TikTokClientOptions> = {}) {
  const { calls, fetchImpl } = fakeFetch(answers);
  const delays: number[] = [];
  const tiktok = new TikTokClient({
    apiBaseUrl: "https://open-api.example/base/", authBaseUrl: "https://auth.example", authorizeUrl: "https://services.example/open/authorize",
    appKey: "29a39d", appSecret: "e59af819cc", serviceId: "svc", fetch: fetchImpl, now: () => NOW,
    retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5 }, ...extra,
  });
  return { tiktok, calls, delays };
}

// Written from PLATFORMS.md independently of sign.ts, so a shared mistake cannot hide.
function expectedSign(call: Recorded, apiPath: string): string {
  const params = [...call.url.searchParams.keys()].filter((k) => k !== "sign" && k !== "access_token").sort().map((k) => k + call.url.searchParams.get(k)).join("");
  return crypto.createHmac("sha256", "e59af819cc").update(`e59af819cc${apiPath}${params}${call.body}e59af819cc`).digest("hex");
}

describe("TikTokClient requests", () => {
  it("lists authorized shops with a signed query, the token header and no shop_cipher", async () => {
    const { tiktok, calls } = client([envelope({ shops: [SHOP] })]);
    await expect(tiktok.getAuthorizedShops("TTP_token")).resolves.toEqual([SHOP]);
    const [call] = calls;
    expect(call!.method).toBe("GET");
    expect(call!.url.origin + call!.url.pathname).toBe("https://open-api.example/base/authorization/202309/shops");
    expect([...call!.url.searchParams.keys()].sort()).toEqual(["app_key", "sign", "timestamp"]);
    expect(call!.url.searchParams.get("timestamp")).toBe("1700000000");
    expect(call!.url.searchParams.get("sign")).toBe(expectedSign(call!, "/authorization/202309/shops"));
    expect(call!.headers.get("x-tts-access-token")).toBe("TTP_token");
    expect(call!.headers.get("content-type")).toBe("application/json");
    expect(call!.body).toBe("");
  });

  it("sends a multipart form unsigned, with fetch's own content-type (boundary), and refuses a body beside it", async () => {
    const endpoint = defineEndpoint({ method: "POST", path: "/product/202309/images/upload", shopCipher: "forbidden", data: z.object({ uri: z.string() }) });
    const seen: RequestInit[] = [];
    const { tiktok, calls } = client([async (init) => (seen.push(init), envelope({ uri: "tos/1" }))]);
    const form = new FormData();
    form.append("data", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "a.png");
    await expect(tiktok.call({ endpoint, accessToken: "TTP_token", form })).resolves.toEqual({ uri: "tos/1" });
    expect(seen[0]!.body).toBe(form);
    expect(calls[0]!.headers.get("content-type")).toBeNull();
    expect(calls[0]!.url.searchParams.get("sign")).toBe(expectedSign(calls[0]!, "/product/202309/images/upload"));
    await expect(tiktok.call({ endpoint, accessToken: "TTP_token", form, body: {} })).rejects.toThrow("not both");
  });

  it("manages shop webhooks with the cipher and the JSON body in the signature", async () => {
    const hook = { event_type: "ORDER_STATUS_CHANGE", address: "https://app.example/api/webhooks/tiktok", create_time: 1635338186, update_time: 1635338186 };
    const { tiktok, calls } = client([envelope({}), envelope({ webhooks: [hook], total_count: 1 }), envelope({})]);
    const shop = { accessToken: "TTP_token", shopCipher: "GCP_XF90ig" };
    await tiktok.updateWebhook({ ...shop, eventType: "ORDER_STATUS_CHANGE", address: hook.address });
    await expect(tiktok.listWebhooks(shop)).resolves.toEqual([hook]);
    await tiktok.deleteWebhook({ ...shop, eventType: "ORDER_STATUS_CHANGE" });
    expect(calls.map((c) => c.method)).toEqual(["PUT", "GET", "DELETE"]);
    expect(JSON.parse(calls[0]!.body)).toEqual({ address: hook.address, event_type: "ORDER_STATUS_CHANGE" });
    expect(JSON.parse(calls[2]!.body)).toEqual({ event_type: "ORDER_STATUS_CHANGE" });
    for (const call of calls) {
      expect(call.url.searchParams.get("shop_cipher")).toBe("GCP_XF90ig");
      expect(call.url.searchParams.get("sign")).toBe(expectedSign(call, "/event/202309/webhooks"));
    }
  });

  it("fills path parameters and signs extra query parameters", async () => {
    const getProduct = defineEndpoint({ method: "GET", path: "/product/202309/products/{product_id}", shopCipher: "required", data: z.object({ id: z.string() }) });
    const { tiktok, calls } = client([envelope({ id: "17" })]);
    await expect(tiktok.call({ endpoint: getProduct, accessToken: "t", shopCipher: "c", pathParams: { product_id: "17" }, query: { return_under_review_version: false, skipped: undefined } })).resolves.toEqual({ id: "17" });
    expect(calls[0]!.url.pathname).toBe("/base/product/202309/products/17");
    expect(calls[0]!.url.searchParams.get("return_under_review_version")).toBe("false");
    expect(calls[0]!.url.searchParams.has("skipped")).toBe(false);
    expect(calls[0]!.url.searchParams.get("sign")).toBe(expectedSign(calls[0]!, "/product/202309/products/17"));
  });

  it("refuses a shop_cipher where forbidden, its absence where required, and reserved query keys, before any request", async () => {
    const { tiktok, calls } = client([envelope({})]);
    const shops = defineEndpoint({ method: "GET", path: "/authorization/202309/shops", shopCipher: "forbidden", data: z.unknown() });
    const hooks = defineEndpoint({ method: "GET", path: "/event/202309/webhooks", shopCipher: "required", data: z.unknown() });
    await expect(tiktok.call({ endpoint: shops, accessToken: "t", shopCipher: "c" })).rejects.toThrow(/without a shop_cipher/);
    await expect(tiktok.call({ endpoint: hooks, accessToken: "t" })).rejects.toThrow(/needs a shop_cipher/);
    await expect(tiktok.call({ endpoint: hooks, accessToken: "t", shopCipher: "c", query: { sign: "x" } })).rejects.toThrow(/set by the TikTok client/);
    expect(calls).toHaveLength(0);
  });

  it("returns per-item failures in data.errors instead of throwing", async () => {
    const updateInventory = defineEndpoint({ method: "POST", path: "/product/202309/products/{product_id}/inventory/update", shopCipher: "optional", idempotent: true, data: z.object({ errors: z.array(tiktokItemErrorSchema).default([]) }) });
    const { tiktok } = client([envelope({ errors: [{ code: 12052990, message: "warehouse left out", detail: { sku_id: "1" } }, { code: "12019028", message: "all warehouses" }] })]);
    const data = await tiktok.call({ endpoint: updateInventory, accessToken: "t", pathParams: { product_id: "9" }, body: { skus: [] } });
    expect(data.errors.map((e) => e.code)).toEqual([12052990, 12019028]);
  });
});

describe("TikTokClient rate limiting", () => {
  const ping = defineEndpoint({ method: "GET", path: "/product/202309/products/{product_id}", shopCipher: "optional", data: z.unknown() });
  function limited(waits: number[], lateByMs: number) {
    const keys: string[] = [];
    const limiter = { reserve: async (key: string) => (keys.push(key), waits.shift() ?? 0) };
    // A sleep that wakes `lateByMs` after it was asked to, as a busy event loop does.
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms + lateByMs));
    return { keys, ...client([envelope({})], { limiter, sleep }) };
  }

  it("waits for the slot the limiter gives, keyed by app, shop and endpoint", async () => {
    const { tiktok, calls, keys } = limited([20], 0);
    await tiktok.call({ endpoint: ping, accessToken: "t", shopCipher: "c1", pathParams: { product_id: "1" } });
    expect(keys).toEqual(["29a39d|c1|GET /product/202309/products/{product_id}"]);
    expect(calls).toHaveLength(1);
  });

  it("a call that wakes too late for its slot reserves another instead of landing with later calls", async () => {
    const { tiktok, calls, keys } = limited([20, 0], LATE_SLOT_MS + 40);
    await tiktok.call({ endpoint: ping, accessToken: "t", pathParams: { product_id: "1" } });
    expect(keys).toHaveLength(2);
    expect(calls).toHaveLength(1);
  });

  it("a 429 pauses the key for every caller, and the refused call retries behind the pause", async () => {
    const events: string[] = [];
    const limiter = { reserve: async (key: string) => (events.push(`reserve ${key}`), 0), pause: async (key: string, ms: number) => void events.push(`pause ${key} ${ms}`) };
    const { tiktok, calls } = client([envelope(null, { code: 36009002, message: "Too many requests", status: 429 }), envelope({})], { limiter });
    await tiktok.call({ endpoint: ping, accessToken: "t", shopCipher: "c1", pathParams: { product_id: "1" } });
    const key = "29a39d|c1|GET /product/202309/products/{product_id}";
    expect(events).toEqual([`reserve ${key}`, `pause ${key} ${THROTTLED_PAUSE_MS}`, `reserve ${key}`]);
    expect(calls).toHaveLength(2);
  });

  it("other failures do not pause the key", async () => {
    const pauses: string[] = [];
    const limiter = { reserve: async () => 0, pause: async (key: string) => void pauses.push(key) };
    const { tiktok } = client([envelope(null, { code: 36009003, status: 500 }), envelope({})], { limiter });
    await tiktok.call({ endpoint: ping, accessToken: "t", pathParams: { product_id: "1" } });
    expect(pauses).toEqual([]);
  });

  it("gives up re-reserving after a few late wake-ups and sends", async () => {
    const { tiktok, calls, keys } = limited([5, 5, 5, 5, 5, 5, 5], LATE_SLOT_MS + 20);
    await tiktok.call({ endpoint: ping, accessToken: "t", pathParams: { product_id: "1" } });
    expect(keys).toHaveLength(5);
    expect(calls).toHaveLength(1);
  });
});

describe("TikTokClient failures and retries", () => {
  async function failure(promise: Promise<unknown>): Promise<TikTokApiError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TikTokApiError);
    return error as TikTokApiError;
  }

  it("retries an internal error with growing, jittered delays and then succeeds", async () => {
    let clock = NOW;
    const { tiktok, calls, delays } = client([envelope(null, { code: 36009003, status: 500 }), envelope(null, { code: 36009003, status: 500 }), envelope({ shops: [] })], { now: () => (clock += 60_000) });
    await expect(tiktok.getAuthorizedShops("t")).resolves.toEqual([]);
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([188, 375]); // 250·2^(n-1), half fixed and half random (random = 0.5)
    // each attempt is signed afresh with its own timestamp
    expect(new Set(calls.map((c) => c.url.searchParams.get("timestamp"))).size).toBe(3);
    for (const call of calls) expect(call.url.searchParams.get("sign")).toBe(expectedSign(call, "/authorization/202309/shops"));
  });

  it("gives up on a rate limit after the bounded attempts, waiting at least TikTok's window", async () => {
    const { tiktok, calls, delays } = client([envelope(null, { code: 36009002, status: 429, message: "Too many requests." })]);
    const error = await failure(tiktok.getAuthorizedShops("t"));
    expect(error.rateLimited).toBe(true);
    expect(error.retryAfterMs).toBe(1000);
    expect(calls).toHaveLength(3);
    expect(delays.every((d) => d >= 1000)).toBe(true);
  });

  it("honours Retry-After when TikTok sends one", async () => {
    const { tiktok, delays } = client([envelope(null, { code: 36009002, status: 429, headers: { "retry-after": "3" } }), envelope({ shops: [] })]);
    await tiktok.getAuthorizedShops("t");
    expect(delays[0]).toBeGreaterThanOrEqual(3000);
  });

  it("does not repeat a non-idempotent write after an internal error, but does after a rate limit", async () => {
    const ship = defineEndpoint({ method: "POST", path: "/fulfillment/202309/orders/{order_id}/packages", shopCipher: "required", data: z.unknown() });
    const call = (tiktok: TikTokClient) => tiktok.call({ endpoint: ship, accessToken: "t", shopCipher: "c", pathParams: { order_id: "1" }, body: {} });
    const internal = client([envelope(null, { code: 36009003, status: 500 })]);
    expect((await failure(call(internal.tiktok))).retryable).toBe(true);
    expect(internal.calls).toHaveLength(1);
    const limited = client([envelope(null, { code: 36009002, status: 429 }), envelope({})]);
    await call(limited.tiktok);
    expect(limited.calls).toHaveLength(2);
  });

  it.each([
    ["expired token", envelope(null, { code: 105002, status: 401, message: "Expired credentials." }), "authExpired"],
    ["missing scope", envelope(null, { code: 105005, message: "Access denied." }), "needsReauthorization"],
    ["price locked", envelope(null, { code: 12052038, message: "The price is locked by a promotion." }), "userFixable"],
    ["bad signature", envelope(null, { code: 106001, status: 401 }), "unexpected"],
  ] as const)("classifies %s without retrying", async (_name, answer, kind) => {
    const { tiktok, calls } = client([answer]);
    const error = await failure(tiktok.getAuthorizedShops("t"));
    expect(error.kind).toBe(kind);
    expect(error.requestId).toBe("REQ1");
    expect(error.httpStatus).toBe(answer.status);
    expect(calls).toHaveLength(1);
  });

  it("times out a silent server through the AbortSignal, as a retryable failure", async () => {
    const hang = (init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const { tiktok, calls } = client([hang], { timeoutMs: 20, retry: { maxAttempts: 2, sleep: async () => {} } });
    const error = await failure(tiktok.getAuthorizedShops("t"));
    expect(error.retryable).toBe(true);
    expect(error.platformMessage).toBe("no answer within 20 ms");
    expect(calls).toHaveLength(2);
  });

  it("passes a caller's abort through without retrying", async () => {
    const hang = (init: RequestInit) => new Promise<Response>((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const { tiktok, calls } = client([hang]);
    const controller = new AbortController();
    const pending = tiktok.call({ endpoint: defineEndpoint({ method: "GET", path: "/seller/202309/shops", shopCipher: "forbidden", data: z.unknown() }), accessToken: "t", signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(1);
  });

  it("treats a network failure and a non-JSON 502 as retryable, a non-JSON 200 as unexpected", async () => {
    const network = client([new TypeError("fetch failed")], { retry: { maxAttempts: 1 } });
    expect((await failure(network.tiktok.getAuthorizedShops("t"))).retryable).toBe(true);
    const gateway = client([new Response("<html>Bad Gateway</html>", { status: 502 })], { retry: { maxAttempts: 1 } });
    const badGateway = await failure(gateway.tiktok.getAuthorizedShops("t"));
    expect([badGateway.kind, badGateway.code, badGateway.httpStatus]).toEqual(["retryable", null, 502]);
    const html = client([new Response("<html>ok</html>", { status: 200 })]);
    expect((await failure(html.tiktok.getAuthorizedShops("t"))).kind).toBe("unexpected");
  });

  it("refuses data of an unexpected shape, keeping the request id", async () => {
    const { tiktok } = client([envelope({ shops: [{ ...SHOP, seller_type: "SOMETHING_NEW" }] })]);
    const error = await failure(tiktok.getAuthorizedShops("t"));
    expect(error.kind).toBe("unexpected");
    expect(error.requestId).toBe("REQ1");
    expect(error.platformMessage).toMatch(/shops\.0\.seller_type/);
  });
});
