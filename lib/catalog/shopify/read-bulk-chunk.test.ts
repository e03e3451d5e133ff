import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBulkChunk } from "./read-bulk-chunk";

const product = (n: number) => ({ id: `gid://shopify/Product/${n}`, title: `Tëe ✓ ${n}`, handle: null, status: "ACTIVE", updatedAt: "2026-01-01T00:00:00Z", featuredMedia: null });
const variant = (n: number, parent: number) => ({
  id: `gid://shopify/ProductVariant/${n}`, title: "Default", sku: `S-${n}`, barcode: null, price: "1.50", compareAtPrice: null, inventoryQuantity: 1,
  updatedAt: "2026-01-01T00:00:00Z", selectedOptions: [], inventoryItem: { id: `gid://shopify/InventoryItem/${n}` }, __parentId: `gid://shopify/Product/${parent}`,
});
const lines: unknown[] = [];
for (let p = 1; p <= 9; p += 1) {
  lines.push(product(p));
  for (let v = 0; v < p % 4; v += 1) lines.push(variant(p * 100 + v, p));
}
const file = Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n") + "\n");

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    if (req.url === "/ranged" && range) {
      res.writeHead(206, { "content-range": `bytes ${range[1]}-${file.length - 1}/${file.length}` });
      res.end(file.subarray(Number(range[1])));
      return;
    }
    res.writeHead(200);
    res.end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("readBulkChunk", () => {
  it.each(["/ranged", "/whole"])("reads %s in chunks that end on product boundaries and resume by byte offset", async (path) => {
    const seen: string[] = [];
    let offset: number | null = 0;
    let chunks = 0;
    while (offset !== null) {
      const chunk = await readBulkChunk({ url: `${base}${path}`, byteOffset: offset, minLines: 4 });
      for (const s of chunk.snapshots) {
        expect(s.variants.every((v) => v.productExternalId === s.product.externalId)).toBe(true);
        seen.push(s.product.externalId, ...s.variants.map((v) => v.externalId));
      }
      offset = chunk.nextByteOffset;
      chunks += 1;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(seen).toEqual(lines.map((l) => (l as { id: string }).id.replace(/.*\//, "")));
  });
});
