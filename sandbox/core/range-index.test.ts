import { describe, expect, it } from "vitest";
import { clip, countOf, RangeIndex, segmentOf, take, workMeter } from "./range-index";
import { compareEntry, SortedRun } from "./sorted-run";

// A small deterministic generator so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Item { id: string; v: number; b: number }
const byKey = (a: { v: number; id: string }, b: { v: number; id: string }) => compareEntry(a.v, a.id, b.v, b.id);

describe("SortedRun", () => {
  it("keeps (value, id) order and answers ranks through inserts and removals across chunks", () => {
    const rand = rng(7);
    const run = new SortedRun<string>();
    const model: { v: number; id: string }[] = [];
    for (let i = 0; i < 3000; i++) {
      const e = { v: Math.floor(rand() * 200), id: `id${String(Math.floor(rand() * 5000)).padStart(5, "0")}` };
      if (rand() < 0.3 && model.length) {
        const victim = model[Math.floor(rand() * model.length)]!;
        expect(run.remove(victim.v, victim.id)).toBe(true);
        model.splice(model.indexOf(victim), 1);
      } else if (!model.some((m) => m.v === e.v && m.id === e.id)) {
        run.insert(e.v, e.id);
        model.push(e);
      }
    }
    model.sort(byKey);
    expect(run.size).toBe(model.length);
    expect(Array.from({ length: run.size }, (_, i) => run.at(i))).toEqual(model);
    for (const probe of [{ v: 50, id: "id02500" }, { v: -1, id: "" }, { v: 500, id: "z" }, model[10]!]) {
      expect(run.rankBefore(probe.v, probe.id)).toBe(model.filter((m) => byKey(m, probe) < 0).length);
      expect(run.rankThrough(probe.v, probe.id)).toBe(model.filter((m) => byKey(m, probe) <= 0).length);
      expect(run.rankOfValue(probe.v, false)).toBe(model.filter((m) => m.v < probe.v).length);
      expect(run.rankOfValue(probe.v, true)).toBe(model.filter((m) => m.v <= probe.v).length);
    }
    expect(run.remove(9999, "nope")).toBe(false);
  });
});

describe("RangeIndex", () => {
  const build = (items: Item[]) => {
    const index = new RangeIndex<string>(32);
    for (const it of items) index.upsert(it.id, it.v, it.b);
    return index;
  };

  it("returns exactly the entries in both ranges, in order, after moves and removals (checked against a scan)", () => {
    const rand = rng(42);
    const base = 1_700_000_000;
    const items = new Map<string, Item>();
    const index = new RangeIndex<string>(32);
    for (let i = 0; i < 4000; i++) {
      const id = `o${String(Math.floor(rand() * 1500)).padStart(5, "0")}`;
      if (rand() < 0.1) {
        index.remove(id);
        items.delete(id);
        continue;
      }
      const it = { id, v: base + Math.floor(rand() * 100_000), b: base + Math.floor(rand() * 100_000) };
      index.upsert(it.id, it.v, it.b);
      items.set(id, it);
    }
    const all = [...items.values()].sort(byKey);
    for (let q = 0; q < 300; q++) {
      const [b1, b2] = [base + Math.floor(rand() * 100_000), base + Math.floor(rand() * 100_000)].sort((x, y) => x - y);
      const [v1, v2] = [base + Math.floor(rand() * 100_000), base + Math.floor(rand() * 100_000)].sort((x, y) => x - y);
      const withV = rand() < 0.5;
      const cursor = rand() < 0.5 ? all[Math.floor(rand() * all.length)]! : null;
      const want = all.filter((it) => it.b >= b1! && it.b <= b2! && (!withV || (it.v >= v1! && it.v <= v2!)));
      const query = { b: { ge: b1, le: b2 }, ...(withV ? { v: { ge: v1, le: v2 } } : {}) };
      expect(countOf(index.segments(query))).toBe(want.length);
      const asc = take(index.segments({ ...query, after: cursor }), { limit: 7 });
      const ascWant = want.filter((it) => !cursor || byKey(it, cursor) > 0);
      expect(asc.entries.map((e) => e.id)).toEqual(ascWant.slice(0, 7).map((it) => it.id));
      expect(asc.more).toBe(ascWant.length > 7);
      const desc = take(index.segments({ ...query, before: cursor }), { limit: 7, desc: true });
      const descWant = want.filter((it) => !cursor || byKey(it, cursor) < 0).reverse();
      expect(desc.entries.map((e) => e.id)).toEqual(descWant.slice(0, 7).map((it) => it.id));
    }
    // no b range: the run of everything
    expect(countOf(index.segments())).toBe(all.length);
    expect(take(index.segments({ v: { le: base + 10_000 } }), { limit: 1e9 }).entries.map((e) => e.id)).toEqual(all.filter((it) => it.v <= base + 10_000).map((it) => it.id));
  });

  it.each([
    ["a b range at the edges of the value space", 0, 2 ** 32 - 1],
    ["a single value", 1_700_000_123, 1_700_000_123],
    ["an empty range", 10, 9],
  ])("handles %s", (_name, ge, le) => {
    const items = [0, 5, 1_700_000_123, 2 ** 32 - 1].map((b, i) => ({ id: `x${i}`, v: i, b }));
    const index = build(items);
    expect(take(index.segments({ b: { ge, le } }), { limit: 10 }).entries.map((e) => e.id)).toEqual(items.filter((it) => it.b >= ge && it.b <= le).map((it) => it.id));
  });

  it("reads O(page) entries for a narrow filter over a large index, where a scan would read them all", () => {
    const items: Item[] = Array.from({ length: 20_000 }, (_, i) => ({ id: `p${String(i).padStart(6, "0")}`, v: 1_700_000_000 + i, b: 1_700_000_000 + ((i * 7919) % 20_000) }));
    const index = build(items);
    workMeter.entries = 0;
    workMeter.runs = 0;
    const segments = index.segments({ b: { ge: 1_700_000_100, le: 1_700_000_104 } });
    const page = take(segments, { limit: 20, desc: true });
    expect(page.entries).toHaveLength(5);
    expect(countOf(segments)).toBe(5);
    expect(workMeter.entries).toBeLessThanOrEqual(5 + segments.length);
    expect(workMeter.runs).toBeLessThanOrEqual(8 * 30 + 1);
    // and a wide filter still reads only the page
    workMeter.entries = 0;
    const wide = take(index.segments({ b: { ge: 1_700_000_000, le: 1_700_015_000 } }), { limit: 20 });
    expect(wide.entries).toHaveLength(20);
    expect(wide.more).toBe(true);
    expect(workMeter.entries).toBeLessThan(20 + 8 * 30 + 1);
  });

  it("answers the same below and above the size where it starts keeping buckets", () => {
    const items: Item[] = Array.from({ length: 100 }, (_, i) => ({ id: `q${String(i).padStart(3, "0")}`, v: (i * 37) % 50, b: (i * 11) % 90 }));
    const index = new RangeIndex<string>(32);
    items.forEach((it, n) => {
      index.upsert(it.id, it.v, it.b);
      const seen = items.slice(0, n + 1).sort(byKey);
      const got = take(index.segments({ b: { ge: 20, le: 60 }, v: { ge: 5 }, after: { v: 10, id: "q050" } }), { limit: 1000 }).entries.map((e) => e.id);
      expect(got).toEqual(seen.filter((x) => x.b >= 20 && x.b <= 60 && x.v >= 5 && byKey(x, { v: 10, id: "q050" }) > 0).map((x) => x.id));
    });
  });

  it("pages a candidate set by keyset cursors", () => {
    const segs = segmentOf([{ v: 3, id: "c" }, { v: 1, id: "a" }, { v: 2, id: "b" }]);
    expect(take(clip(segs, { v: 1, id: "a" }), { limit: 5 }).entries.map((e) => e.id)).toEqual(["b", "c"]);
    expect(take(clip(segs, null, { v: 3, id: "c" }), { limit: 5, desc: true }).entries.map((e) => e.id)).toEqual(["b", "a"]);
    expect(segmentOf([])).toEqual([]);
  });
});
