import { shopifyConfig } from "../../connections/platform-config";

// Upload Product Image takes at most 10 MB.
const MAX_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

export type DownloadResult = { ok: true; data: Uint8Array<ArrayBuffer>; type: string } | { ok: false; reason: string };

/**
 * Shopify serves product images from cdn.shopify.com; only that host (over https) is fetched, so a product's
 * image URL cannot make Ferry call anything else. A Shopify stand-in (SHOPIFY_ADMIN_BASE_URL on a fixed host,
 * such as the sandbox) also serves its own image files, so its origin is allowed too.
 */
export function isShopifyImageUrl(url: string, adminBaseUrl = shopifyConfig().adminBaseUrl): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === "https:" && parsed.hostname === "cdn.shopify.com" && parsed.port === "") return true;
  const admin = new URL(adminBaseUrl.replace("{shop}", "shop-placeholder.myshopify.com"));
  return !admin.hostname.includes("shop-placeholder") && admin.origin === parsed.origin;
}

/** The image's bytes, or why it cannot be had (a refusal a retry will not fix); network failures throw, for a retry. */
export async function downloadShopifyImage(url: string, fetchImpl: typeof fetch = fetch): Promise<DownloadResult> {
  if (!isShopifyImageUrl(url)) return { ok: false, reason: "its address is not on Shopify's image CDN" };
  const response = await fetchImpl(url, { redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status >= 500 || response.status === 429) throw new Error(`Shopify's image CDN answered HTTP ${response.status}`);
  if (!response.ok) return { ok: false, reason: `Shopify's image CDN answered HTTP ${response.status}` };
  if (Number(response.headers.get("content-length") ?? 0) > MAX_BYTES) return { ok: false, reason: "it is over 10 MB, TikTok's limit" };
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.length > MAX_BYTES) return { ok: false, reason: "it is over 10 MB, TikTok's limit" };
  if (data.length === 0) return { ok: false, reason: "Shopify's image CDN sent an empty file" };
  return { ok: true, data, type: response.headers.get("content-type")?.split(";")[0]?.trim() || "application/octet-stream" };
}
