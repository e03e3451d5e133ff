import { describe, expect, it } from "vitest";
import { mapConcurrent } from "./map-concurrent";

describe("mapConcurrent", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapConcurrent({
      items: [5, 1, 4, 2, 3],
      concurrency: 2,
      work: async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, n));
        running--;
        return n * 10;
      },
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("starts nothing new after a failure", async () => {
    const started: number[] = [];
    const run = mapConcurrent({
      items: [1, 2, 3, 4],
      concurrency: 1,
      work: async (n) => {
        started.push(n);
        if (n === 2) throw new Error("boom");
        return n;
      },
    });
    await expect(run).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
  });
});
