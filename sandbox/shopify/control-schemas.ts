// zod schemas for the Shopify control API bodies (a trust boundary: tests and demos send these).
import { z } from "zod";
import { PLANS } from "./config";
import { SHOP_DOMAIN } from "./state";

const money = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d{1,4})?$/, "a decimal amount such as \"19.99\"")]);
const url = z.string().url();
const currency = z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD");

export const appInput = z.object({
  platform: z.literal("shopify"),
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(8).max(500),
  redirectUrl: url,
  complianceWebhookUrl: url.optional(),
}).strict();

export const shopInput = z.object({
  domain: z.string().regex(SHOP_DOMAIN, "a shop domain such as name.myshopify.com"),
  plan: z.enum(Object.keys(PLANS) as [string, ...string[]]).optional(),
  currency: currency.optional(),
  ianaTimezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "an IANA time zone such as Europe/Paris").optional(),
  name: z.string().min(1).optional(),
  email: z.string().email().optional(),
  locations: z.array(z.object({ name: z.string().min(1), countryCode: z.string().regex(/^[A-Z]{2}$/).optional(), city: z.string().optional() }).strict()).min(1).max(20).optional(),
}).strict();

const selectedOptions = z.array(z.object({ name: z.string().min(1), value: z.string().min(1) }).strict()).max(3);
const images = z.array(z.union([url, z.object({ url, altText: z.string().nullable().optional() }).strict()])).max(250);
const status = z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]);

export const variantInput = z.object({
  sku: z.string().max(255),
  barcode: z.string().max(255).nullable().optional(),
  price: money,
  compareAtPrice: money.nullable().optional(),
  inventoryQuantity: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  selectedOptions: selectedOptions.optional(),
  inventoryPolicy: z.enum(["DENY", "CONTINUE"]).optional(),
}).strict();

export const productInput = z.object({
  title: z.string().min(1).max(255),
  descriptionHtml: z.string(),
  status: status.optional(),
  vendor: z.string().optional(),
  productType: z.string().optional(),
  tags: z.array(z.string()).optional(),
  images: images.optional(),
  options: z.array(z.object({ name: z.string().min(1), values: z.array(z.string().min(1)).min(1) }).strict()).max(3).optional(),
  variants: z.array(variantInput).min(1).max(2048),
}).strict();

export const productsInput = z.object({ products: z.array(productInput).min(1).max(100_000) }).strict();

export const productPatch = z.object({
  title: z.string().min(1).max(255).optional(),
  descriptionHtml: z.string().optional(),
  status: status.optional(),
  vendor: z.string().optional(),
  productType: z.string().optional(),
  tags: z.array(z.string()).optional(),
  images: images.optional(),
  variants: z.array(variantInput.omit({ inventoryQuantity: true }).partial().extend({ id: z.union([z.number().int().positive(), z.string().min(1)]).optional() }).strict()
    .refine((v) => v.id !== undefined || v.sku !== undefined, "each variant patch needs an id or its current sku")).optional(),
}).strict().refine((p) => Object.keys(p).length > 0, "the patch is empty");

export const inventoryInput = z.object({
  sku: z.string().min(1).optional(),
  variantId: z.union([z.number().int().positive(), z.string().min(1)]).optional(),
  available: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  locationId: z.union([z.number().int().positive(), z.string().min(1)]).optional(),
}).strict().refine((b) => (b.sku === undefined) !== (b.variantId === undefined), "give exactly one of sku or variantId");

export const fulfillInput = z.object({
  trackingNumber: z.string().min(1),
  company: z.string().min(1),
  url: url.optional(),
  lineItems: z.array(z.object({ lineItemId: z.union([z.number().int().positive(), z.string().min(1)]), quantity: z.number().int().positive() }).strict()).min(1).optional(),
}).strict();

export const trackingInput = z.object({ trackingNumber: z.string().min(1), company: z.string().min(1), url: url.optional() }).strict();

export const cancelInput = z.object({
  reason: z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]).optional(),
  restock: z.boolean().optional(),
}).strict();

export const uninstallInput = z.object({ clientId: z.string().min(1).optional() }).strict();

export const gdprInput = z.object({
  topic: z.enum(["customers/data_request", "customers/redact", "shop/redact"]),
  customerEmail: z.string().email().optional(),
  clientId: z.string().min(1).optional(),
}).strict();

export function zodMessage(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

/** "gid://shopify/Type/123" or "123" or 123 → 123. */
export function numericId(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const m = /^(?:gid:\/\/shopify\/[A-Za-z]+\/)?(\d+)$/.exec(String(value));
  return m ? Number(m[1]) : null;
}
