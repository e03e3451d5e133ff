import { minorDigits } from "../product-sync/money";
import type { OverrideInput } from "./override-input";

// TikTok's limits (Partial Edit Product): title 1–255 characters (BR, MX: 300); description up to 10,000 characters of
// HTML with at most 30 <img> (src, width and height each, under 4,000 px); 1 to 9 main images. Both texts: no HTML
// escapes such as &nbsp;, no emoji or control characters, not only symbols, no character repeated more than 9 times
// in a row (12052931/12052932). Checked before saving, so a push is not the first to find out.

export interface OverrideContext {
  region: string;
  currency: string;
  /** The Shopify product's image URLs: the images that can be chosen. */
  shopifyImages: string[];
  /** The listing's mapped TikTok SKU ids. */
  skuIds: string[];
}

export interface OverrideError {
  field: "title" | "description" | "images" | "price" | "inventory" | "scope";
  tiktokSkuId?: string;
  message: string;
}

export const TITLE_MAX = (region: string) => (region === "BR" || region === "MX" ? 300 : 255);
export const DESCRIPTION_MAX = 10_000;
export const DESCRIPTION_IMAGES_MAX = 30;
export const IMAGES_MAX = 9;

// Tags a TikTok product page cannot show or that carry active content; TikTok refuses them (12052345).
const REFUSED_TAGS = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button", "select", "textarea", "link", "meta", "base", "video", "audio", "source", "svg", "math", "canvas"]);
const VOID_TAGS = new Set(["br", "hr", "img", "wbr", "col", "area", "source", "track", "input", "meta", "link", "base", "embed", "param"]);

function textProblem(label: string, text: string): string | null {
  if (/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(text)) return `${label} cannot contain HTML escapes such as &nbsp; (write the character itself).`;
  if (/\p{Extended_Pictographic}/u.test(text)) return `${label} cannot contain emoji.`;
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return `${label} cannot contain control characters.`;
  if (/(.)\1{9,}/su.test(text)) return `${label} cannot repeat a character more than 9 times in a row.`;
  return null;
}

export function titleError(title: string, region: string): string | null {
  const t = title.trim();
  const max = TITLE_MAX(region);
  if (t.length === 0) return "The title cannot be empty.";
  if (t.length > max) return `The title has ${t.length} characters; TikTok takes at most ${max}.`;
  if (/[\r\n\t]/.test(t)) return "The title must be one line.";
  if (!/[\p{L}\p{N}]/u.test(t)) return "The title cannot be only symbols.";
  return textProblem("The title", t);
}

export function descriptionError(html: string): string | null {
  if (html.trim() === "") return "The description cannot be empty: TikTok requires one.";
  if (html.length > DESCRIPTION_MAX) return `The description has ${html.length.toLocaleString("en-US")} characters; TikTok takes at most ${DESCRIPTION_MAX.toLocaleString("en-US")}.`;
  const text = textProblem("The description", html);
  if (text) return text;
  const open: string[] = [];
  let images = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g)) {
    const [, closing, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    if (REFUSED_TAGS.has(name)) return `The description cannot contain <${name}>: TikTok does not take it.`;
    if (/\son[a-z]+\s*=/i.test(attrs!)) return `The description cannot contain event attributes such as onclick (in <${name}>).`;
    if (name === "img" && !closing) {
      images++;
      const attr = (key: string) => new RegExp(`\\s${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs!);
      const src = attr("src");
      const width = attr("width");
      const height = attr("height");
      if (!src || !width || !height) return "Every image in the description needs src, width and height.";
      const px = [width, height].map((a) => Number(a[1] ?? a[2] ?? a[3]));
      if (px.some((n) => !Number.isInteger(n) || n <= 0 || n >= 4000)) return "Images in the description must be under 4000 px wide and high.";
      if (!/^https:\/\//i.test(src[1] ?? src[2] ?? src[3] ?? "")) return "Images in the description must be https addresses.";
    }
    if (VOID_TAGS.has(name) || attrs!.trim().endsWith("/")) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return `The description's HTML is not well formed: </${name}> does not close the element that is open.`;
  }
  if (open.length > 0) return `The description's HTML is not well formed: <${open[open.length - 1]}> is never closed.`;
  if (images > DESCRIPTION_IMAGES_MAX) return `The description has ${images} images; TikTok takes at most ${DESCRIPTION_IMAGES_MAX}.`;
  return null;
}

export function imagesError(images: string[], shopifyImages: string[]): string | null {
  if (images.length === 0) return "Choose at least one image: TikTok requires one.";
  if (images.length > IMAGES_MAX) return `${images.length} images chosen; TikTok shows at most ${IMAGES_MAX}.`;
  if (new Set(images).size !== images.length) return "An image is chosen twice.";
  if (images.some((url) => !shopifyImages.includes(url))) return "Choose images of the Shopify product only.";
  return null;
}

export function priceError(amount: string, currency: string): string | null {
  const decimals = minorDigits(currency);
  const pattern = decimals === 0 ? /^\d{1,9}$/ : new RegExp(`^\\d{1,9}(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(amount.trim())) return decimals === 0 ? `Enter a whole amount of ${currency}, such as 1280.` : `Enter an amount of ${currency} with at most ${decimals} decimals, such as 19.99.`;
  if (Number(amount) <= 0) return "The price must be more than 0.";
  return null;
}

export function allocationError(percent: number): string | null {
  return Number.isInteger(percent) && percent >= 0 && percent <= 100 ? null : "Enter a whole percentage from 0 to 100.";
}

/** Pure: every problem of an editor save, each with its field (and SKU), in the editor's order. */
export function validateOverrides(input: OverrideInput, ctx: OverrideContext): OverrideError[] {
  const errors: OverrideError[] = [];
  const push = (field: OverrideError["field"], message: string | null, tiktokSkuId?: string) => {
    if (message) errors.push({ field, message, ...(tiktokSkuId ? { tiktokSkuId } : {}) });
  };
  if (typeof input.title === "string") push("title", titleError(input.title, ctx.region));
  if (typeof input.description === "string") push("description", descriptionError(input.description));
  if (Array.isArray(input.images)) push("images", imagesError(input.images, ctx.shopifyImages));
  const seen = new Set<string>();
  for (const p of input.prices ?? []) {
    if (!ctx.skuIds.includes(p.tiktokSkuId)) push("price", "This SKU is not a mapped SKU of the listing.", p.tiktokSkuId);
    else if (seen.has(`p${p.tiktokSkuId}`)) push("price", "This SKU is listed twice.", p.tiktokSkuId);
    else if (p.amount !== null) push("price", priceError(p.amount, ctx.currency), p.tiktokSkuId);
    seen.add(`p${p.tiktokSkuId}`);
  }
  for (const a of input.allocation ?? []) {
    if (!ctx.skuIds.includes(a.tiktokSkuId)) push("inventory", "This SKU is not a mapped SKU of the listing.", a.tiktokSkuId);
    else if (seen.has(`a${a.tiktokSkuId}`)) push("inventory", "This SKU is listed twice.", a.tiktokSkuId);
    else if (a.allocatePercent !== null) push("inventory", allocationError(a.allocatePercent), a.tiktokSkuId);
    seen.add(`a${a.tiktokSkuId}`);
  }
  return errors;
}
