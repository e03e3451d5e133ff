// Upload Product Image (POST /product/202309/images/upload): multipart only, no shop_cipher. Products refer to
// an uploaded image by its uri in main_images; a uri TikTok never issued is refused there (12052722).
import crypto from "node:crypto";
import type { ApiCall, Route } from "./api";
import { fail, ok, type ApiResult } from "./envelope";
import { readImageInfo } from "./image-info";
import type { Product, TikTokState, UploadedImage } from "./state";

export const IMAGE_PATH_PREFIX = "/tiktok/img/";
const MAX_BYTES = 10 * 1024 * 1024;
const USE_CASES = ["MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE"] as const;
const MAX_MAIN_IMAGES = 9;
const SEEDED_PREFIX = "tos-sandbox/";

// The bytes are kept in memory only (the state file stays small); after a restart an image's url answers 404,
// while its uri still works in product edits.
const bytes = new Map<string, { type: string; data: Buffer }>();
const MAX_KEPT = 500;

export function imagesOf(s: TikTokState): Record<string, UploadedImage> {
  return (s.images ??= {});
}

export function servedImage(path: string): { type: string; data: Buffer } | null {
  return bytes.get(decodeURIComponent(path.slice(IMAGE_PATH_PREFIX.length))) ?? null;
}

export function clearImageBytes(): void {
  bytes.clear();
}

function limits(useCase: string): { minW: number; minH: number; maxW: number; maxH: number; shortSide?: number } {
  if (useCase === "MAIN_IMAGE") return { minW: 300, minH: 300, maxW: 4000, maxH: 4000 };
  if (useCase === "SIZE_CHART_IMAGE") return { minW: 100, minH: 100, maxW: 20000, maxH: 20000, shortSide: 1024 };
  return { minW: 100, minH: 100, maxW: 20000, maxH: 20000 };
}

function upload(call: ApiCall): ApiResult {
  if (!call.form) return fail(36009023, "Invalid request format. The value of the `content-type` header must be `multipart/form-data`.");
  const file = call.form.parts.find((p) => p.name === "data");
  if (!file || file.filename === null || file.data.length === 0) return fail(12038002, "Invalid upload file. Please ensure you are passing the correct file data.");
  const useCaseText = call.form.parts.find((p) => p.name === "use_case")?.data.toString("utf8").trim();
  // use_case is optional; the sandbox assumes MAIN_IMAGE when it is left out, the case products need
  const useCase = useCaseText || "MAIN_IMAGE";
  if (!(USE_CASES as readonly string[]).includes(useCase)) return fail(11050001, `invalid param: use_case must be one of ${USE_CASES.join(", ")}`);
  if (file.data.length > MAX_BYTES) return fail(12038005, "The file size exceeds the maximum allowed size.");
  const info = readImageInfo(file.data);
  if (!info) return fail(12038015, "Failed to process the image. The format or content is not supported. Supported formats: JPG, JPEG, PNG, WEBP, HEIC, BMP");
  if (info.width === undefined || !info.height) return fail(12038004, "Failed to process the image. The format or content is not supported.");
  const l = limits(useCase);
  if (info.width < l.minW || info.height < l.minH || info.width > l.maxW || info.height > l.maxH) {
    return fail(12038014, `The image dimensions exceed the allowed limits. Allowed dimensions (width x height in pixels): ${l.minW} x ${l.minH} to ${l.maxW} x ${l.maxH}`);
  }
  if (l.shortSide && Math.min(info.width, info.height) < l.shortSide) return fail(12019116, "The image dimensions exceed the allowed limits.");
  // "Images for MAIN_IMAGE and ATTRIBUTE_IMAGE outside 3:4 to 4:3 are converted to 1:1": padded to the longer side
  let { width, height } = info;
  const ratio = width / height;
  if ((useCase === "MAIN_IMAGE" || useCase === "ATTRIBUTE_IMAGE") && (ratio < 3 / 4 || ratio > 4 / 3)) width = height = Math.max(width, height);
  const uri = `tos-sandbox-i-${call.seller.region.toLowerCase()}/${crypto.randomBytes(16).toString("hex")}`;
  const url = `http://${call.req.headers.host ?? "127.0.0.1"}${IMAGE_PATH_PREFIX}${uri}`;
  const image: UploadedImage = {
    uri, url, width, height, use_case: useCase, seller_id: call.seller.id, format: info.format, size: file.data.length,
    sha256: crypto.createHash("sha256").update(file.data).digest("hex"), create_time: Math.floor(call.now / 1000),
  };
  imagesOf(call.store.s)[uri] = image;
  bytes.set(uri, { type: file.contentType ?? `image/${info.format.toLowerCase()}`, data: Buffer.from(file.data) });
  if (bytes.size > MAX_KEPT) bytes.delete(bytes.keys().next().value!);
  call.ctx.save();
  return ok({ uri, url, height, width, use_case: useCase });
}

/**
 * main_images of an edit, as TikTok stores them (uri, urls, thumb_urls, size), or TikTok's refusal: at most 9;
 * each an image this seller uploaded as MAIN_IMAGE, or one the product already shows.
 */
export function resolveMainImages(call: ApiCall, raw: unknown, current: Record<string, unknown>[][]): Record<string, unknown>[] | ApiResult {
  if (!Array.isArray(raw) || raw.length === 0 || !raw.every((i) => !!i && typeof i === "object" && typeof (i as { uri?: unknown }).uri === "string" && (i as { uri: string }).uri)) {
    return fail(12052028, "Main product image is required");
  }
  if (raw.length > MAX_MAIN_IMAGES) return fail(12052306, "main product images count exceed limit");
  const shown = new Map(current.flat().map((i) => [String(i.uri), i]));
  const uploaded = imagesOf(call.store.s);
  const out: Record<string, unknown>[] = [];
  for (const item of raw as { uri: string }[]) {
    const have = shown.get(item.uri);
    if (have) {
      out.push(structuredClone(have));
      continue;
    }
    const image = uploaded[item.uri];
    // seeded images (control API) are hosted by the sandbox's TikTok from the start
    if (!image && item.uri.startsWith(SEEDED_PREFIX)) {
      out.push({ uri: item.uri, urls: [], thumb_urls: [] });
      continue;
    }
    if (!image || image.seller_id !== call.seller.id) return fail(12052722, "The image URI does not exist in TikTok Shop.");
    if (image.use_case !== "MAIN_IMAGE") return fail(12052300, "product main image uri illegal");
    out.push({ uri: image.uri, urls: [image.url], thumb_urls: [image.url], height: image.height, width: image.width });
  }
  return out;
}

export const currentImages = (p: Product): Record<string, unknown>[][] => [p.live.main_images, p.pending?.content.main_images ?? []];

export const imageRoutes: Route[] = [{ method: "POST", path: "/product/202309/images/upload", handler: upload }];
