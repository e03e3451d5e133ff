// Sandbox catalogs for the import's tests and benchmark: products with options, SKUs that differ
// only in case and spacing, barcodes on some variants, compare-at prices on others.
import { sandboxControl } from "../../testing/sandbox-browser";

export interface SeedVariant {
  sku: string;
  barcode?: string;
  price: string;
  compareAtPrice?: string;
  inventoryQuantity: number;
  selectedOptions: { name: string; value: string }[];
}

export interface SeedProduct {
  title: string;
  descriptionHtml: string;
  status?: "ACTIVE" | "DRAFT" | "ARCHIVED";
  images?: string[];
  options: { name: string; values: string[] }[];
  variants: SeedVariant[];
}

const SIZES = ["S", "M", "L", "XL", "XXL", "3XL", "4XL", "5XL", "6XL", "7XL", "8XL", "9XL"];
const COLORS = ["Red", "Blue", "Green", "Black", "White"];

/** `variants` variants in products of `perProduct` (the last product takes the rest). */
export function sandboxCatalog(options: { variants: number; perProduct?: number; prefix?: string }): SeedProduct[] {
  const per = options.perProduct ?? 3;
  const prefix = options.prefix ?? "Tee";
  const products: SeedProduct[] = [];
  for (let p = 0, made = 0; made < options.variants; p += 1) {
    const count = Math.min(per, options.variants - made);
    const variants: SeedVariant[] = [];
    for (let v = 0; v < count; v += 1) {
      const n = made + v;
      const size = SIZES[v % SIZES.length]!;
      const color = COLORS[Math.floor(v / SIZES.length) % COLORS.length]!;
      variants.push({
        sku: n % 5 === 0 ? `  ${prefix}  ${n}-${size} ` : `${prefix}-${n}-${size}`,
        ...(n % 2 === 0 ? { barcode: String(400000000000 + n) } : {}),
        price: `${10 + (n % 50)}.${String(n % 100).padStart(2, "0")}`,
        ...(n % 3 === 0 ? { compareAtPrice: `${70 + (n % 10)}.50` } : {}),
        inventoryQuantity: n % 7,
        selectedOptions: [{ name: "Size", value: size }, { name: "Color", value: color }],
      });
    }
    products.push({
      title: `${prefix} ${p} ✓`,
      descriptionHtml: `<p>${prefix} ${p}</p>`,
      status: p % 4 === 3 ? "DRAFT" : "ACTIVE",
      ...(p % 2 === 0 ? { images: [`https://cdn.example.test/${prefix}-${p}.jpg`] } : {}),
      options: [
        { name: "Size", values: [...new Set(variants.map((v) => v.selectedOptions[0]!.value))] },
        { name: "Color", values: [...new Set(variants.map((v) => v.selectedOptions[1]!.value))] },
      ],
      variants,
    });
    made += count;
  }
  return products;
}

export interface SeededProduct {
  id: string;
  variants: { id: string; sku: string; inventoryItemId: string }[];
}

/** Creates the products in the sandbox store, 5,000 products per call. */
export async function seedSandboxCatalog(options: { domain: string; products: SeedProduct[] }): Promise<SeededProduct[]> {
  const created: SeededProduct[] = [];
  for (let i = 0; i < options.products.length; i += 5000) {
    const answer = await sandboxControl<{ products: SeededProduct[] }>("POST", `/__sandbox/shopify/shops/${options.domain}/products`, {
      products: options.products.slice(i, i + 5000),
    });
    created.push(...answer.products);
  }
  return created;
}
