import { listProducts } from "../lib/catalog/list-products";
import { seedLargeCatalog } from "../lib/catalog/product-list-fixtures";
import { startBenchDb } from "./bench-db";
import { median, result, timed, type BenchResult } from "./types";

// The Products page's first page against an embedded PostgreSQL (PGlite, never analyzed: it has no
// autovacuum) holding 100,000 TikTok SKUs (25,000 products; 20 % fully mapped, 10 % partly, 2 %
// needing attention), plus another organization's catalog in the same tables.
export async function run(): Promise<BenchResult[]> {
  const database = await startBenchDb();
  try {
    const seeded = await timed(async () => {
      const shop = await seedLargeCatalog({ client: database.client, name: "bench-products", products: 25_000, skusPerProduct: 4 });
      await seedLargeCatalog({ client: database.client, name: "bench-other", products: 5_000, skusPerProduct: 4 });
      return shop;
    });
    const organizationId = seeded.value.organizationId;
    const list = (query: Parameters<typeof listProducts>[0]["query"]) => timed(() => listProducts({ organizationId, query: { limit: 25, ...query } }));

    const cold = await list({ tab: "unmapped" });
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await list({ tab: "unmapped" })).ms);
    const mapped: number[] = [];
    const search: number[] = [];
    const sku: number[] = [];
    for (let i = 0; i < 3; i++) {
      mapped.push((await list({ tab: "mapped", cursor: cold.value.nextCursor ?? undefined })).ms);
      search.push((await list({ tab: "unmapped", q: "hoodie" })).ms);
      sku.push((await list({ tab: "mapped", q: "BENCH-PRODUCTS-024991-3" })).ms);
    }
    const counts = cold.value.counts;
    return [
      result({
        name: "products list first page, 100k SKUs (median of 5)",
        value: median(warm),
        unit: "ms",
        target: 300,
        detail:
          `warm ${warm.map((t) => t.toFixed(0)).join("/")} ms, cold ${cold.ms.toFixed(0)} ms; counts ${counts.unmapped}/${counts.mapped}/${counts.attention}; ` +
          `Mapped Products page 2 ${median(mapped).toFixed(0)} ms, title search ${median(search).toFixed(0)} ms, SKU search ${median(sku).toFixed(0)} ms; seeding ${(seeded.ms / 1000).toFixed(1)} s`,
      }),
    ];
  } finally {
    await database.close();
  }
}
