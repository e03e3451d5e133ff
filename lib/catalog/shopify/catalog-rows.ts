// Shopify product and variant nodes → the rows Ferry stores. Money stays a decimal string.
import type { ShopifyProductNode, ShopifyVariantNode } from "../../platforms/shopify/operations/products";
import { normalizeSku } from "../normalize-sku";

export interface ProductRow {
  externalId: string;
  title: string;
  status: string;
  handle: string | null;
  imageUrl: string | null;
  platformUpdatedAt: string;
}

export interface VariantRow {
  externalId: string;
  productExternalId: string;
  title: string;
  sku: string | null;
  skuNormalized: string | null;
  barcode: string | null;
  options: { name: string; value: string }[];
  price: string;
  compareAtPrice: string | null;
  inventoryQuantity: number | null;
  inventoryItemId: string | null;
  imageUrl: string | null;
  platformUpdatedAt: string;
}

/** A product with every one of its variants: the unit the import writes. */
export interface ProductSnapshot {
  product: ProductRow;
  variants: VariantRow[];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `gid://shopify/ProductVariant/42` → `42`; a bare numeric id is returned as it is. */
export function gidNumber(id: string): string {
  const match = /^(?:gid:\/\/shopify\/[A-Za-z]+\/)?(\d+)(?:\?.*)?$/.exec(id);
  if (!match) throw new Error(`Not a Shopify id: ${JSON.stringify(id)}`);
  return match[1]!;
}

export function productGid(id: string): string {
  return `gid://shopify/Product/${gidNumber(id)}`;
}

function decimal(value: string, what: string): string {
  if (!DECIMAL.test(value)) throw new Error(`Shopify sent a ${what} that is not a decimal: ${JSON.stringify(value)}`);
  return value;
}

const blankToNull = (value: string | null | undefined) => (value === undefined || value === null || value.trim() === "" ? null : value);

export function toProductRow(node: ShopifyProductNode): ProductRow {
  return {
    externalId: gidNumber(node.id),
    title: node.title,
    status: node.status,
    handle: node.handle ?? null,
    imageUrl: node.featuredMedia?.preview?.image?.url ?? null,
    platformUpdatedAt: new Date(node.updatedAt).toISOString(),
  };
}

/** The variant image is not read (ProductVariant.image is deprecated): the product's featured image stands in. */
export function toVariantRow(options: { node: ShopifyVariantNode; product: ProductRow }): VariantRow {
  const { node, product } = options;
  return {
    externalId: gidNumber(node.id),
    productExternalId: product.externalId,
    title: node.title,
    sku: blankToNull(node.sku),
    skuNormalized: normalizeSku(node.sku),
    barcode: blankToNull(node.barcode),
    options: node.selectedOptions.map((o) => ({ name: o.name, value: o.value })),
    price: decimal(node.price, "price"),
    compareAtPrice: node.compareAtPrice ? decimal(node.compareAtPrice, "compare-at price") : null,
    inventoryQuantity: node.inventoryQuantity ?? null,
    inventoryItemId: node.inventoryItem ? gidNumber(node.inventoryItem.id) : null,
    imageUrl: product.imageUrl,
    platformUpdatedAt: new Date(node.updatedAt).toISOString(),
  };
}

export function toSnapshot(options: { product: ShopifyProductNode; variants: ShopifyVariantNode[] }): ProductSnapshot {
  const product = toProductRow(options.product);
  return { product, variants: options.variants.map((node) => toVariantRow({ node, product })) };
}
