import { sandboxControl } from "../../testing/sandbox-browser";
import { finishTikTokImport, importTikTokPage, startTikTokImport, type TikTokImportKind } from "./import-shop";

// Shared by the integration tests and the bench: run an import to its end the way the job does, and read
// what the sandbox saw.

export interface RunTikTokImportOptions {
  connectionId: string;
  kind?: TikTokImportKind;
  searchCap?: number;
}

export async function runTikTokImport({ connectionId, kind = "full", searchCap }: RunTikTokImportOptions) {
  const started = await startTikTokImport({ connectionId, kind });
  let cursor: unknown = started.cursor;
  let pages = 0;
  try {
    while (cursor) {
      cursor = (await importTikTokPage({ importId: started.importId, cursor, searchCap })).cursor;
      pages++;
    }
  } catch (error) {
    await finishTikTokImport({ importId: started.importId, error });
    throw error;
  }
  const finished = await finishTikTokImport({ importId: started.importId });
  return { importId: started.importId, pages, ...finished };
}

export interface SandboxLogRow { seq: number; method: string; route: string; shop: string | null; status: number; code: string | number | null; direction: "in" | "out" }

/** A point in the sandbox's request log to count calls from (a lower bound of the current sequence number). */
export async function sandboxLogMark(): Promise<number> {
  const { counts } = await sandboxControl<{ counts: { total: number } }>("GET", `/__sandbox/requests?after=${Number.MAX_SAFE_INTEGER}&limit=1`);
  return counts.total;
}

/** The Open API calls one shop received since `after`. */
export async function sandboxShopCalls({ after, shopId }: { after: number; shopId: string }): Promise<SandboxLogRow[]> {
  const rows: SandboxLogRow[] = [];
  for (let seq = after; ; ) {
    const page = await sandboxControl<{ rows: SandboxLogRow[] }>("GET", `/__sandbox/requests?after=${seq}&limit=1000`);
    rows.push(...page.rows.filter((r) => r.shop === shopId && r.direction === "in"));
    if (page.rows.length < 1000) return rows;
    seq = page.rows.at(-1)!.seq;
  }
}

export const SEARCH_ROUTE = "/product/202502/products/search";
export const DETAIL_ROUTE = "/product/202309/products/{product_id}";

export interface SandboxSkuSeed { sellerSku: string; price: string; quantity: number; barcode?: string; salesAttributes?: { name: string; value: string }[] }
export interface SandboxProductSeed { title: string; status?: string; images?: string[]; skus: SandboxSkuSeed[] }

export async function seedSandboxProducts({ shopId, products }: { shopId: string; products: SandboxProductSeed[] }) {
  const { products: created } = await sandboxControl<{ products: { id: string; skus: { id: string; sellerSku: string }[] }[] }>(
    "POST",
    `/__sandbox/tiktok/shops/${shopId}/products`,
    { products },
  );
  return created;
}

/** The sandbox clock's current second: products seeded now carry it as create_time and update_time. */
export async function sandboxSecond(): Promise<number> {
  const { nowMs } = await sandboxControl<{ nowMs: number }>("GET", "/__sandbox/clock");
  return Math.floor(nowMs / 1000);
}

/** Waits until the sandbox clock has left `second`, so the next writes carry a later update_time. */
export async function waitForNextSandboxSecond(second: number): Promise<number> {
  for (;;) {
    const now = await sandboxSecond();
    if (now > second) return now;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
