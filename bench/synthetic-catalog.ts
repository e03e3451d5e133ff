import type { ShopifyVariantInput, TikTokSkuInput } from "../lib/mapping/match-types";

// Deterministic synthetic catalogs shaped like a real apparel merchant's: four variants per
// product, SKUs such as "NOR-TEE-004211-M", UPC barcodes, and the usual mess: SKUs retyped in
// another case or with stray spaces, SKUs missing on TikTok with only a GTIN, duplicates on both
// sides, renamed products that only a title match finds, and products sold on one side only.

export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = ["Nordic", "Acme", "Pioneer", "Harbor", "Summit", "Willow", "Ember", "Atlas", "Cobalt", "Juniper"];
const ADJECTIVES = ["Classic", "Relaxed", "Slim", "Vintage", "Everyday", "Premium", "Organic", "Heavyweight", "Cropped", "Oversized", "Lightweight", "Ribbed"];
const MATERIALS = ["Cotton", "Linen", "Wool", "Denim", "Fleece", "Merino", "Canvas", "Jersey", "Twill", "Cashmere"];
const ITEMS = ["Tee", "Hoodie", "Shirt", "Jacket", "Chinos", "Shorts", "Sweater", "Cardigan", "Beanie", "Tote", "Dress", "Socks"];
const COLORS = ["Black", "White", "Navy", "Olive", "Sand", "Rust", "Grey", "Sky"];
const SIZES = ["S", "M", "L", "XL"];

export interface SyntheticCatalog {
  tiktokSkus: TikTokSkuInput[];
  shopifyVariants: ShopifyVariantInput[];
}

function upc(random: () => number): string {
  return String(Math.floor(random() * 1e11)).padStart(11, "0") + String(Math.floor(random() * 10));
}

/**
 * `skus` TikTok SKUs and about as many Shopify variants; with `variants`, Shopify-only products
 * (sold only in the Shopify store) fill the Shopify side up to exactly that many.
 */
export function syntheticCatalog({ skus, variants, seed = 7 }: { skus: number; variants?: number; seed?: number }): SyntheticCatalog {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tiktokSkus: TikTokSkuInput[] = [];
  const shopifyVariants: ShopifyVariantInput[] = [];
  const products = Math.ceil(skus / SIZES.length);
  for (let p = 0; p < products; p++) {
    const brand = pick(BRANDS);
    const item = pick(ITEMS);
    const color = pick(COLORS);
    const title = `${brand} ${pick(ADJECTIVES)} ${pick(MATERIALS)} ${item} ${color} ${p}`;
    const base = `${brand.slice(0, 3).toUpperCase()}-${item.slice(0, 3).toUpperCase()}-${String(p).padStart(6, "0")}`;
    const kind = random();
    const onlyTikTok = kind < 0.03;
    const renamed = kind >= 0.03 && kind < 0.08;
    for (const size of SIZES) {
      if (tiktokSkus.length >= skus) break;
      const s = tiktokSkus.length;
      const options = [{ name: "Size", value: size }];
      let sku = `${base}-${size}`;
      const barcode = random() < 0.7 ? upc(random) : null;
      const variantId = `sv_${p}_${size}`;
      if (!onlyTikTok) {
        const roll = random();
        // 1% of variants share their SKU with another product's variant.
        if (roll < 0.01 && shopifyVariants.length > 0) sku = shopifyVariants[Math.floor(random() * shopifyVariants.length)]!.sku ?? sku;
        shopifyVariants.push({ id: variantId, productId: `sp_${p}`, productTitle: title, sku, barcode, options: [{ name: "Size", value: size }] });
      }
      const roll = random();
      let sellerSku: string | null = sku;
      let identifierCode: string | null = null;
      if (renamed) sellerSku = null;
      else if (roll < 0.1) sellerSku = `  ${sku.toLowerCase()} `;
      else if (roll < 0.18 && barcode) {
        sellerSku = null;
        identifierCode = `0${barcode}`;
      } else if (roll < 0.19 && tiktokSkus.length > 0) sellerSku = tiktokSkus[Math.floor(random() * tiktokSkus.length)]!.sellerSku;
      tiktokSkus.push({
        id: `ts_${s}`,
        productId: `tp_${p}`,
        productTitle: renamed ? `${title.split(" ").slice(0, 5).join(" ")} ${p} New` : title,
        sellerSku,
        identifierCode,
        options,
      });
    }
  }
  for (let p = products; variants !== undefined && shopifyVariants.length < variants; p++) {
    const title = `${pick(BRANDS)} ${pick(ADJECTIVES)} ${pick(MATERIALS)} ${pick(ITEMS)} ${pick(COLORS)} ${p}`;
    const base = `SHP-${String(p).padStart(6, "0")}`;
    for (const size of SIZES) {
      if (shopifyVariants.length >= variants) break;
      shopifyVariants.push({ id: `sv_${p}_${size}`, productId: `sp_${p}`, productTitle: title, sku: `${base}-${size}`, barcode: random() < 0.7 ? upc(random) : null, options: [{ name: "Size", value: size }] });
    }
  }
  return { tiktokSkus, shopifyVariants };
}
