// Times a full import of a fresh sandbox store holding `variants` variants. Needs what the
// integration tests have: db() pointed at a migrated database and FERRY_TEST_SANDBOX_URL at the sandbox.
import { db } from "../../db";
import { connectedShopifyStore, newOrganization } from "../../testing/connected-stores";
import { PRODUCTS_PAGE_SIZE, VARIANTS_PER_PRODUCT_PAGE } from "../../platforms/shopify/operations/products";
import { finishShopifyImport, importShopifyStep, startShopifyImport } from "./import-store";
import { sandboxCatalog } from "./seed-sandbox-catalog";

export interface BenchShopifyImportOptions {
  variants: number;
  perProduct?: number;
  bulkThresholdVariants?: number;
}

export interface BenchShopifyImportResult {
  ms: number;
  apiCalls: number;
  /**
   * The reads the catalog needs at the least: the product pages (pagination), or running the bulk
   * query and one poll that finds it complete (bulk). A size probe, when one is needed, is overhead.
   */
  minimumCalls: number;
  strategy: "pages" | "bulk";
  imported: number;
}

export async function benchShopifyImport(options: BenchShopifyImportOptions): Promise<BenchShopifyImportResult & { reimport: BenchShopifyImportResult }> {
  const perProduct = options.perProduct ?? 5;
  const products = sandboxCatalog({ variants: options.variants, perProduct, prefix: "Bench" });
  // Shopify counts the catalog with the shop details at connect: the first import needs no size probe.
  const store = await connectedShopifyStore(await newOrganization("Bench"), { catalog: products });
  const first = await timeImport({ store, products: products.length, perProduct, bulkThresholdVariants: options.bulkThresholdVariants });
  // Again: the last full import says the store is large.
  const reimport = await timeImport({ store, products: products.length, perProduct, bulkThresholdVariants: options.bulkThresholdVariants });
  return { ...first, reimport };
}

async function timeImport({ store, products: productCount, perProduct, ...options }: { store: { connectionId: string }; products: number; perProduct: number; bulkThresholdVariants?: number }): Promise<BenchShopifyImportResult> {
  const started = performance.now();
  const { importId, cursor, strategy } = await startShopifyImport({ connectionId: store.connectionId, kind: "full", bulkThresholdVariants: options.bulkThresholdVariants });
  // The job sleeps between bulk polls; the sandbox completes bulk queries at once, so the bench does not.
  for (let next: typeof cursor | null = cursor; next; ) next = await importShopifyStep({ importId, cursor: next });
  await finishShopifyImport({ importId });
  const ms = Math.round(performance.now() - started);

  const run = await db().catalogImport.findUniqueOrThrow({ where: { id: importId } });
  const imported = await db().shopifyVariant.count({ where: { connectionId: store.connectionId, deletedAt: null } });
  const overflowPages = perProduct > VARIANTS_PER_PRODUCT_PAGE ? productCount : 0;
  const minimumCalls = strategy === "bulk" ? 2 : Math.max(1, Math.ceil(productCount / PRODUCTS_PAGE_SIZE)) + overflowPages;
  return { ms, apiCalls: run.apiCalls, minimumCalls, strategy, imported };
}
