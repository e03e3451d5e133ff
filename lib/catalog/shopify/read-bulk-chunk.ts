// Reads one chunk of a bulk operation's JSONL file: at least `minLines` lines from `byteOffset`, then on
// to the next product line, so that every product is written with all of its variants. The next step
// resumes at that byte offset (a Range request; a server that ignores Range is skipped through).
import { z } from "zod";
import { shopifyProductNodeSchema, shopifyVariantNodeSchema, type ShopifyProductNode, type ShopifyVariantNode } from "../../platforms/shopify/operations/products";
import { toSnapshot, type ProductSnapshot } from "./catalog-rows";

const childLine = z.object({ __parentId: z.string() }).loose();

export interface BulkChunk {
  snapshots: ProductSnapshot[];
  lines: number;
  /** Where the next chunk starts; null at the end of the file. */
  nextByteOffset: number | null;
}

export async function readBulkChunk(options: { url: string; byteOffset: number; minLines: number; fetch?: typeof fetch }): Promise<BulkChunk> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const res = await doFetch(options.url, {
    headers: options.byteOffset > 0 ? { range: `bytes=${options.byteOffset}-` } : {},
    signal: AbortSignal.timeout(120_000),
  });
  if (res.status === 416) return { snapshots: [], lines: 0, nextByteOffset: null };
  if (!res.ok || !res.body) throw new Error(`Reading the bulk operation file answered HTTP ${res.status}`);
  let skip = res.status === 206 ? 0 : options.byteOffset;
  let position = options.byteOffset;
  let pending = Buffer.alloc(0);
  const groups: { product: ShopifyProductNode; variants: ShopifyVariantNode[] }[] = [];
  let lines = 0;

  // Returns false when the chunk is full and this line belongs to the next one.
  const take = (text: string): boolean => {
    const value: unknown = JSON.parse(text);
    const child = childLine.safeParse(value);
    if (!child.success) {
      if (lines >= options.minLines) return false;
      groups.push({ product: shopifyProductNodeSchema.parse(value), variants: [] });
    } else {
      const group = groups.findLast((g) => g.product.id === child.data.__parentId);
      if (!group) throw new Error(`Bulk file line for ${child.data.__parentId} does not follow its product: was the query run with groupObjects?`);
      group.variants.push(shopifyVariantNodeSchema.parse(value));
    }
    lines += 1;
    return true;
  };

  const reader = res.body.getReader();
  let stoppedAt: number | null = null;
  try {
    read: for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let bytes = Buffer.from(value);
      if (skip > 0) {
        const skipped = Math.min(skip, bytes.length);
        skip -= skipped;
        bytes = bytes.subarray(skipped);
      }
      pending = pending.length ? Buffer.concat([pending, bytes]) : bytes;
      let start = 0;
      for (let nl = pending.indexOf(10, start); nl !== -1; nl = pending.indexOf(10, start)) {
        const text = pending.subarray(start, nl).toString("utf8");
        if (text.trim() !== "" && !take(text)) {
          stoppedAt = position + start;
          break read;
        }
        start = nl + 1;
      }
      position += start;
      pending = pending.subarray(start);
    }
  } finally {
    if (stoppedAt !== null) await reader.cancel().catch(() => undefined);
  }
  if (stoppedAt === null && pending.toString("utf8").trim() !== "" && !take(pending.toString("utf8"))) stoppedAt = position;
  return { snapshots: groups.map(toSnapshot), lines, nextByteOffset: stoppedAt };
}
