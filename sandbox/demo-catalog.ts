// The demo catalog behind sandbox/demo-seed.ts: a small apparel and accessories brand on Shopify and its TikTok
// listings, with the mismatches a product mapper meets in real shops. Pure data: same input, same catalog.

export interface ShopifyVariantSeed { sku: string; barcode: string; price: string; compareAtPrice?: string; inventoryQuantity: number; selectedOptions: { name: string; value: string }[] }
export interface ShopifyProductSeed { title: string; descriptionHtml: string; vendor: string; productType: string; tags: string[]; images: string[]; options: { name: string; values: string[] }[]; variants: ShopifyVariantSeed[] }
export interface TikTokSkuSeed { sellerSku: string; price: string; quantity: number; barcode?: string; salesAttributes: { name: string; value: string }[] }
export interface TikTokProductSeed { title: string; description: string; images: string[]; skus: TikTokSkuSeed[] }

interface Def {
  code: string; title: string; type: string; price: string; compareAt?: string;
  colors: [name: string, code: string][]; sizes?: string[]; sizeName?: string;
  tiktokTitle?: string;            // TikTok listings often carry longer search-friendly titles
  tiktokBarcodes?: false;          // the TikTok listing leaves identifier codes empty
  tiktokSizes?: string[];          // the TikTok listing offers fewer sizes
  tiktokSku?: (sku: string, index: number) => string;  // how the TikTok seller SKU differs from Shopify's
  shopifySku?: (sku: string) => string;                // how the Shopify SKU differs from the canonical one
  shopifyOnly?: true;
}

const SIZES = ["S", "M", "L", "XL"];
const VENDOR = "Ferry Demo Co.";

const DEFS: Def[] = [
  { code: "TEE", title: "Classic Crew Tee", tiktokTitle: "Classic Crew Tee – 100% Cotton Unisex T-Shirt", type: "T-Shirts", price: "24.00", colors: [["Black", "BLK"], ["White", "WHT"], ["Heather Grey", "HGR"]], sizes: SIZES, tiktokBarcodes: false },
  { code: "PTEE", title: "Pocket Tee", type: "T-Shirts", price: "28.00", colors: [["Navy", "NVY"], ["Olive", "OLV"]], sizes: SIZES },
  { code: "HOOD", title: "Pullover Hoodie", tiktokTitle: "Pullover Hoodie Heavyweight Fleece", type: "Sweatshirts", price: "58.00", compareAt: "68.00", colors: [["Black", "BLK"], ["Sand", "SND"]], sizes: SIZES },
  { code: "ZHOOD", title: "Zip Hoodie", type: "Sweatshirts", price: "64.00", colors: [["Charcoal", "CHR"]], sizes: SIZES },
  { code: "CREW", title: "Crewneck Sweatshirt", type: "Sweatshirts", price: "52.00", colors: [["Forest", "FOR"], ["Oatmeal", "OAT"]], sizes: SIZES, tiktokBarcodes: false },
  { code: "CHINO", title: "Relaxed Chino", type: "Pants", price: "68.00", colors: [["Khaki", "KHK"], ["Navy", "NVY"]], sizes: ["30", "32", "34", "36"], sizeName: "Waist", tiktokSizes: ["30", "32", "34"] },
  { code: "DENIM", title: "Denim Jacket", type: "Outerwear", price: "98.00", colors: [["Indigo", "IND"]], sizes: SIZES },
  { code: "SHELL", title: "Rain Shell Jacket", type: "Outerwear", price: "120.00", compareAt: "140.00", colors: [["Yellow", "YEL"], ["Black", "BLK"]], sizes: ["S", "M", "L"] },
  { code: "LINEN", title: "Linen Button-Up Shirt", type: "Shirts", price: "62.00", colors: [["White", "WHT"], ["Sky", "SKY"]], sizes: SIZES },
  { code: "SHORT", title: "Athletic Shorts", type: "Shorts", price: "34.00", colors: [["Black", "BLK"], ["Heather", "HTR"]], sizes: SIZES, tiktokBarcodes: false },
  { code: "LEG", title: "High-Rise Leggings", type: "Activewear", price: "54.00", colors: [["Black", "BLK"]], sizes: ["XS", "S", "M", "L"] },
  { code: "VEST", title: "Puffer Vest", type: "Outerwear", price: "88.00", colors: [["Black", "BLK"], ["Moss", "MOS"]], sizes: ["S", "M", "L"] },
  { code: "GTEE", title: "Graphic Tee – Sunset Print", type: "T-Shirts", price: "32.00", colors: [["Black", "BLK"]], sizes: ["S", "M", "L"],
    // Duplicated from the Classic Crew Tee and one SKU never changed: two Shopify variants share FD-TEE-BLK-M.
    shopifySku: (sku) => (sku === "FD-GTEE-BLK-M" ? "FD-TEE-BLK-M" : sku) },
  { code: "BEANIE", title: "Ribbed Beanie", type: "Hats", price: "22.00", colors: [["Black", "BLK"], ["Rust", "RST"], ["Cream", "CRM"]], tiktokSku: (sku) => `${sku} ` },
  { code: "CAP", title: "Six-Panel Cap", type: "Hats", price: "26.00", colors: [["Black", "BLK"], ["Navy", "NVY"], ["Stone", "STN"]], tiktokBarcodes: false },
  { code: "BUCKET", title: "Bucket Hat", type: "Hats", price: "28.00", colors: [["Khaki", "KHK"], ["Black", "BLK"]] },
  { code: "TOTE", title: "Canvas Tote Bag", type: "Bags", price: "18.00", colors: [["Natural", "NAT"], ["Black", "BLK"]], tiktokSku: (sku) => sku.toLowerCase() },
  { code: "SLING", title: "Crossbody Sling Bag", type: "Bags", price: "42.00", colors: [["Black", "BLK"], ["Olive", "OLV"]] },
  { code: "SOCK", title: "Crew Socks 3-Pack", type: "Socks", price: "16.00", colors: [["White", "WHT"], ["Black", "BLK"]], sizes: ["S/M", "L/XL"] },
  { code: "SCARF", title: "Wool Blend Scarf", type: "Accessories", price: "38.00", colors: [["Camel", "CML"], ["Charcoal", "CHR"]], shopifySku: (sku) => `${sku} ` },
  { code: "AVI", title: "Aviator Sunglasses", type: "Accessories", price: "45.00", colors: [["Gold/Green", "GLD"], ["Silver/Grey", "SLV"]], tiktokSku: (_sku, i) => `TT-${10231 + i}` },
  { code: "PINS", title: "Enamel Pin Set", type: "Accessories", price: "12.00", colors: [], tiktokSku: () => "PINSET-01" },
  { code: "BOTTLE", title: "Insulated Water Bottle", type: "Accessories", price: "30.00", colors: [["Matte Black", "BLK"], ["Sage", "SGE"]] },
  { code: "LANYARD", title: "Phone Lanyard", type: "Accessories", price: "14.00", colors: [["Black", "BLK"], ["Lilac", "LLC"]] },
  { code: "BELT", title: "Leather Belt", type: "Accessories", price: "48.00", colors: [["Brown", "BRN"], ["Black", "BLK"]], sizes: ["S/M", "L/XL"], shopifyOnly: true },
];

/** Sold on TikTok only: a live-stream bundle with no Shopify counterpart. */
const TIKTOK_ONLY: TikTokProductSeed = {
  title: "TikTok LIVE Mystery Box – 3 Surprise Accessories", description: "<p>Three random accessories, packed for LIVE shows.</p>",
  images: [image("Mystery Box")], skus: [{ sellerSku: "TT-MYSTERY-01", price: "29.99", quantity: 40, salesAttributes: [] }],
};

/** The products the cross-border seller publishes to two markets as global products. */
export const GLOBAL_CODES = ["TEE", "HOOD", "CAP", "TOTE", "SOCK", "SHELL"];

function image(title: string): string {
  return `https://placehold.co/800x800/png?text=${encodeURIComponent(title)}`;
}

/** A valid UPC-A from a serial number (GS1 check digit). */
export function upc(serial: number): string {
  const body = `08600${String(serial).padStart(6, "0")}`;
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Stock that looks real: mostly a few dozen, some sold out. */
function stock(serial: number): number {
  return serial % 11 === 0 ? 0 : 4 + ((serial * 37) % 47);
}

interface Variant { sku: string; barcode: string; qty: number; options: { name: string; value: string }[]; size?: string }

function variantsOf(def: Def, serialStart: number): Variant[] {
  const out: Variant[] = [];
  const colors = def.colors.length ? def.colors : [null];
  for (const color of colors) {
    for (const size of def.sizes ?? [null]) {
      const serial = serialStart + out.length;
      const sku = ["FD", def.code, color?.[1], size?.replace("/", "")].filter(Boolean).join("-");
      const options = [...(color ? [{ name: "Color", value: color[0] }] : []), ...(size ? [{ name: def.sizeName ?? "Size", value: size }] : [])];
      out.push({ sku, barcode: upc(serial), qty: stock(serial), options, ...(size ? { size } : {}) });
    }
  }
  return out;
}

export interface DemoCatalog { shopify: ShopifyProductSeed[]; tiktokLocal: TikTokProductSeed[]; tiktokGlobal: TikTokProductSeed[] }

export function demoCatalog(): DemoCatalog {
  const shopify: ShopifyProductSeed[] = [];
  const tiktokLocal: TikTokProductSeed[] = [];
  const tiktokGlobal: TikTokProductSeed[] = [];
  let serial = 1;
  for (const def of DEFS) {
    const variants = variantsOf(def, serial);
    serial += variants.length;
    const description = `<p>${def.title} by ${VENDOR}. ${def.type} made to last.</p>`;
    const options = [
      ...(def.colors.length ? [{ name: "Color", values: def.colors.map((c) => c[0]) }] : []),
      ...(def.sizes ? [{ name: def.sizeName ?? "Size", values: def.sizes }] : []),
    ];
    shopify.push({
      title: def.title, descriptionHtml: description, vendor: VENDOR, productType: def.type, tags: [def.type.toLowerCase(), "demo"], images: [image(def.title)],
      options: options.length ? options : [{ name: "Title", values: ["Default Title"] }],
      variants: variants.map((v) => ({
        sku: def.shopifySku ? def.shopifySku(v.sku) : v.sku, barcode: v.barcode, price: def.price, ...(def.compareAt ? { compareAtPrice: def.compareAt } : {}),
        inventoryQuantity: v.qty, selectedOptions: v.options.length ? v.options : [{ name: "Title", value: "Default Title" }],
      })),
    });
    if (def.shopifyOnly) continue;
    const listed = variants.filter((v) => !def.tiktokSizes || (v.size !== undefined && def.tiktokSizes.includes(v.size)));
    const skus = (canonical: boolean) => listed.map((v, i): TikTokSkuSeed => ({
      sellerSku: !canonical && def.tiktokSku ? def.tiktokSku(v.sku, i) : v.sku, price: def.price, quantity: v.qty,
      ...(canonical || def.tiktokBarcodes !== false ? { barcode: v.barcode } : {}), salesAttributes: v.options,
    }));
    const text = description.replace(/<[^>]+>/g, "");
    tiktokLocal.push({ title: def.tiktokTitle ?? def.title, description: text, images: [image(def.title)], skus: skus(false) });
    if (GLOBAL_CODES.includes(def.code)) tiktokGlobal.push({ title: def.tiktokTitle ?? def.title, description: text, images: [image(def.title)], skus: skus(true) });
  }
  tiktokLocal.push(TIKTOK_ONLY);
  return { shopify, tiktokLocal, tiktokGlobal };
}
