import { describe, expect, it } from "vitest";
import { advanceSearchCursor, searchCapExceeded, SearchLimitError, searchFilters, startSearchCursor, type SearchCursor } from "./search-windows";

interface FakeProduct { id: string; t: number; c: number }
type Order = "newest-first" | "by-id";

// A stand-in for TikTok's search: newest first (or by id), keyset page tokens, total_count, and the result cap.
function fakeSearch({ products, order, cap }: { products: FakeProduct[]; order: Order; cap: number }) {
  const sorted = [...products].sort((a, b) => (order === "by-id" ? a.id.localeCompare(b.id) : b.t - a.t || b.id.localeCompare(a.id)));
  return (filters: Record<string, number>, token: string | null) => {
    const matching = sorted.filter((p) =>
      p.t >= (filters.update_time_ge ?? -Infinity) && p.t <= (filters.update_time_le ?? Infinity) &&
      p.c >= (filters.create_time_ge ?? -Infinity) && p.c <= (filters.create_time_le ?? Infinity));
    const offset = token ? Number(token) : 0;
    if (offset >= cap) return { capExceeded: true as const };
    const page = matching.slice(offset, offset + Math.min(100, cap - offset));
    const next = offset + page.length < matching.length ? String(offset + page.length) : "";
    return { capExceeded: false as const, products: page, totalCount: matching.length, nextPageToken: next };
  };
}

function readAll({ products, order = "newest-first", cap = 10_000, updatedSince }: { products: FakeProduct[]; order?: Order; cap?: number; updatedSince?: number }) {
  const search = fakeSearch({ products, order, cap });
  let cursor: SearchCursor | null = startSearchCursor({ updatedSince });
  const seen = new Set<string>();
  let calls = 0;
  let fresh = 0;
  while (cursor) {
    calls++;
    if (calls > 10_000) throw new Error("no progress");
    const answer = search(searchFilters(cursor), cursor.pageToken);
    if (answer.capExceeded) {
      cursor = searchCapExceeded(cursor);
      continue;
    }
    for (const p of answer.products) seen.add(p.id);
    const result = advanceSearchCursor({ cursor, cap, page: { updateTimes: answer.products.map((p) => p.t), totalCount: answer.totalCount, nextPageToken: answer.nextPageToken } });
    cursor = result.cursor;
    fresh += result.fresh;
  }
  return { seen, calls, fresh };
}

function catalog(n: number, time: (i: number) => number, create: (i: number) => number = time): FakeProduct[] {
  return Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(6, "0")}`, t: time(i), c: create(i) }));
}

// A deterministic spread: mostly distinct seconds, some shared.
const spread = (i: number) => 1_700_000_000 + Math.floor((i * 7919) % 40_000);

describe("search windows over the result cap", () => {
  it("reads a small catalog in its pages and an empty one in one call", () => {
    expect(readAll({ products: catalog(250, spread) })).toMatchObject({ calls: 3, fresh: 250 });
    expect(readAll({ products: [] })).toMatchObject({ calls: 1, fresh: 0 });
  });

  it("reads 25,000 products past the 10,000 cap within 1.1 × the minimum pages", () => {
    const products = catalog(25_000, spread);
    const { seen, calls, fresh } = readAll({ products });
    expect(seen.size).toBe(25_000);
    expect(fresh).toBe(25_000);
    expect(calls).toBeLessThanOrEqual(Math.ceil(1.1 * 250));
  });

  it("reads everything with a small cap and many shared seconds", () => {
    const products = catalog(3_000, (i) => 1_000 + (i % 37));
    const { seen } = readAll({ products, cap: 250 });
    expect(seen.size).toBe(3_000);
  });

  it("keeps the cost of a window boundary inside a busy second to one extra page when the second was read whole", () => {
    const products = [...catalog(5_000, () => 3_000), ...catalog(5_000, () => 2_000).map((p) => ({ ...p, id: `q${p.id}` })), ...catalog(300, () => 1_000).map((p) => ({ ...p, id: `r${p.id}` }))];
    const { seen, calls } = readAll({ products });
    expect(seen.size).toBe(10_300);
    expect(calls).toBe(100 + 1 + 3);
  });

  it("splits one second holding more than the cap by create_time", () => {
    const products = catalog(12_000, () => 5_000, (i) => 1_000 + (i % 400));
    const { seen } = readAll({ products });
    expect(seen.size).toBe(12_000);
  });

  it("refuses, by name, a second of products created and updated together beyond the cap", () => {
    expect(() => readAll({ products: catalog(300, () => 5_000), cap: 100 })).toThrow(SearchLimitError);
  });

  it("falls back to halving when results are not newest first", () => {
    const products = catalog(25_000, spread);
    const { seen } = readAll({ products, order: "by-id" });
    expect(seen.size).toBe(25_000);
  });

  it("reads only what was updated since the given time", () => {
    const products = catalog(1_000, (i) => 1_000 + i);
    const { seen } = readAll({ products, updatedSince: 1_900, cap: 30 });
    expect(seen.size).toBe(100);
    expect([...seen].every((id) => Number(id.slice(1)) >= 900)).toBe(true);
  });

  it("slides on a cap refusal in the middle of a window", () => {
    const cursor = advanceSearchCursor({
      cursor: startSearchCursor(),
      page: { updateTimes: [50, 40, 40], totalCount: 20_000, nextPageToken: "x" },
    }).cursor!;
    expect(searchCapExceeded(cursor).windows).toEqual([
      { updateGe: 40, updateLe: 40, createGe: null, createLe: null, skip: 2 },
      { updateGe: null, updateLe: 39, createGe: null, createLe: null, skip: 0 },
    ]);
    expect(() => searchCapExceeded(startSearchCursor())).toThrow(SearchLimitError);
  });
});
