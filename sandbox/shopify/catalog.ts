// Shops, products, variants and inventory: the operations shared by the control API and GraphQL.
import { iso } from "./ids";
import { creationTime, indexLevel, indexProduct, indexVariant, shopIndex, unindexProduct, unindexVariant } from "./shop-index";
import { nextId, type ImageRec, type ProductRec, type ShopRec, type ShopifyState, type VariantRec } from "./state";

export interface ShopInput { domain: string; plan?: string; currency?: string; ianaTimezone?: string; name?: string; email?: string; locations?: { name: string; countryCode?: string; city?: string }[] }

export function createShop(st: ShopifyState, input: ShopInput, nowMs: number): ShopRec {
  const created = iso(nowMs);
  const names = input.locations?.length ? input.locations : [{ name: "Shop location" }];
  const shop: ShopRec = {
    id: nextId(st), domain: input.domain, name: input.name ?? input.domain.replace(/\.myshopify\.com$/, ""), plan: input.plan ?? "basic",
    currency: input.currency ?? "USD", ianaTimezone: input.ianaTimezone ?? "America/New_York", email: input.email ?? `owner@${input.domain}`,
    createdAt: created,
    locations: names.map((l, i) => ({ id: nextId(st), name: l.name, isPrimary: i === 0, countryCode: l.countryCode ?? "US", city: l.city ?? "New York", createdAt: created })),
    products: {}, variants: {}, levels: {}, orders: {}, fulfillmentOrders: {}, fulfillments: {}, webhooks: {}, bulkOps: {}, installs: {}, nextOrderNumber: 1001,
  };
  st.shops[shop.domain] = shop;
  return shop;
}

export function primaryLocation(shop: ShopRec): number {
  return (shop.locations.find((l) => l.isPrimary) ?? shop.locations[0]!).id;
}

export function availableAt(shop: ShopRec, inventoryItemId: number, locationId: number): number {
  return shop.levels[inventoryItemId]?.[locationId] ?? 0;
}

export function totalAvailable(shop: ShopRec, inventoryItemId: number): number {
  const levels = shop.levels[inventoryItemId];
  if (!levels) return 0;
  let n = 0;
  for (const q of Object.values(levels)) n += q;
  return n;
}

export function setAvailable(shop: ShopRec, inventoryItemId: number, locationId: number, quantity: number): number {
  const before = availableAt(shop, inventoryItemId, locationId);
  const levels = (shop.levels[inventoryItemId] ??= {});
  const created = levels[locationId] === undefined;
  levels[locationId] = quantity;
  if (created) indexLevel(shop, inventoryItemId, locationId);
  return quantity - before;
}

export interface VariantInput { sku: string; barcode?: string | null; price: string | number; compareAtPrice?: string | number | null; inventoryQuantity: number; selectedOptions?: { name: string; value: string }[]; inventoryPolicy?: "DENY" | "CONTINUE" }
export interface ProductInput { title: string; descriptionHtml: string; status?: ProductRec["status"]; vendor?: string; productType?: string; tags?: string[]; images?: (string | { url: string; altText?: string | null })[]; options?: { name: string; values: string[] }[]; variants: VariantInput[] }

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "product";
}

function variantTitle(options: { value: string }[]): string {
  return options.length ? options.map((o) => o.value).join(" / ") : "Default Title";
}

function images(st: ShopifyState, input: ProductInput["images"]): ImageRec[] {
  return (input ?? []).map((img) => (typeof img === "string" ? { id: nextId(st), url: img, altText: null } : { id: nextId(st), url: img.url, altText: img.altText ?? null }));
}

function optionsFrom(input: ProductInput): ProductRec["options"] {
  if (input.options?.length) return input.options;
  const names = new Map<string, string[]>();
  for (const v of input.variants) for (const o of v.selectedOptions ?? []) {
    const values = names.get(o.name) ?? [];
    if (!values.includes(o.value)) values.push(o.value);
    names.set(o.name, values);
  }
  return names.size ? [...names].map(([name, values]) => ({ name, values })) : [{ name: "Title", values: ["Default Title"] }];
}

export function addProduct(st: ShopifyState, shop: ShopRec, input: ProductInput, nowMs: number): ProductRec {
  const at = iso(creationTime(shop, nowMs));
  const product: ProductRec = {
    id: nextId(st), title: input.title, handle: slug(input.title), descriptionHtml: input.descriptionHtml, status: input.status ?? "ACTIVE",
    vendor: input.vendor ?? shop.name, productType: input.productType ?? "", tags: input.tags ?? [], options: optionsFrom(input),
    images: images(st, input.images), variantIds: [], createdAt: at, updatedAt: at,
  };
  shop.products[product.id] = product;
  indexProduct(shop, product);
  const location = primaryLocation(shop);
  input.variants.forEach((vi, i) => {
    const v: VariantRec = {
      id: nextId(st), productId: product.id, inventoryItemId: nextId(st), title: variantTitle(vi.selectedOptions ?? []),
      sku: vi.sku, barcode: vi.barcode ?? null, price: String(vi.price), compareAtPrice: vi.compareAtPrice == null ? null : String(vi.compareAtPrice),
      selectedOptions: vi.selectedOptions?.length ? vi.selectedOptions : [{ name: "Title", value: "Default Title" }],
      inventoryPolicy: vi.inventoryPolicy ?? "DENY", position: i + 1, createdAt: at, updatedAt: at,
    };
    shop.variants[v.id] = v;
    product.variantIds.push(v.id);
    shop.levels[v.inventoryItemId] = { [location]: vi.inventoryQuantity };
    indexVariant(shop, v);
    indexLevel(shop, v.inventoryItemId, location);
  });
  return product;
}

export interface ProductPatch { title?: string; descriptionHtml?: string; status?: ProductRec["status"]; vendor?: string; productType?: string; tags?: string[]; images?: ProductInput["images"]; variants?: (Partial<Omit<VariantInput, "inventoryQuantity">> & { id?: number | string; sku?: string })[] }

/** Partial update; a variant patch names its variant by `id` (numeric or gid) or by its current `sku`. Returns an error message or null. */
export function patchProduct(st: ShopifyState, shop: ShopRec, product: ProductRec, patch: ProductPatch, nowMs: number): string | null {
  const targets: [VariantRec, (typeof patch.variants & object)[number]][] = [];
  for (const vp of patch.variants ?? []) {
    const id = vp.id === undefined ? null : Number(String(vp.id).replace(/^gid:\/\/shopify\/ProductVariant\//, ""));
    const v = id !== null ? shop.variants[id] : product.variantIds.map((i) => shop.variants[i]!).find((x) => x.sku === vp.sku);
    if (!v || v.productId !== product.id) return `variant ${vp.id ?? vp.sku} not found on product ${product.id}`;
    targets.push([v, vp]);
  }
  const at = iso(nowMs);
  for (const key of ["title", "descriptionHtml", "status", "vendor", "productType", "tags"] as const) {
    if (patch[key] !== undefined) (product as unknown as Record<string, unknown>)[key] = patch[key];
  }
  if (patch.images !== undefined) product.images = images(st, patch.images);
  for (const [v, vp] of targets) {
    const sku = vp.id !== undefined && vp.sku !== undefined ? vp.sku : v.sku;
    const barcode = vp.barcode !== undefined ? vp.barcode : v.barcode;
    v.sku = sku;
    v.barcode = barcode;
    if (vp.price !== undefined) v.price = String(vp.price);
    if (vp.compareAtPrice !== undefined) v.compareAtPrice = vp.compareAtPrice === null ? null : String(vp.compareAtPrice);
    if (vp.selectedOptions) {
      v.selectedOptions = vp.selectedOptions;
      v.title = variantTitle(vp.selectedOptions);
    }
    if (vp.inventoryPolicy) v.inventoryPolicy = vp.inventoryPolicy;
    v.updatedAt = at;
    indexVariant(shop, v);
  }
  product.updatedAt = at;
  indexProduct(shop, product);
  return null;
}

export function deleteProduct(shop: ShopRec, product: ProductRec): void {
  for (const id of product.variantIds) {
    const v = shop.variants[id]!;
    unindexVariant(shop, v);
    delete shop.levels[v.inventoryItemId];
    delete shop.variants[id];
  }
  unindexProduct(shop, product);
  delete shop.products[product.id];
}

export function variantsBySku(shop: ShopRec, sku: string): VariantRec[] {
  return (shopIndex(shop).bySku.get(sku) ?? []).map((id) => shop.variants[id]!);
}

export function variantByInventoryItem(shop: ShopRec, inventoryItemId: number): VariantRec | undefined {
  const id = shopIndex(shop).byInventoryItem.get(inventoryItemId);
  return id === undefined ? undefined : shop.variants[id];
}
