import { describe, expect, it } from "vitest";
import { RequestLog } from "./request-log";

const row = (i: number) => ({ at: "2026-01-01T00:00:00.000Z", platform: "tiktok" as const, method: "GET", route: `/r/${i % 3}`, shop: null, status: 200, code: 0, ms: 1, direction: "in" as const });

describe("RequestLog", () => {
  it("keeps the newest 50,000 rows (trimming in batches), pages by seq and counts everything since the reset", () => {
    const log = new RequestLog();
    for (let i = 0; i < 61_000; i++) log.add(row(i));
    const kept = log.after(0, 100_000);
    expect(kept.length).toBeGreaterThanOrEqual(50_000);
    expect(kept.length).toBeLessThanOrEqual(55_000);
    expect(kept[kept.length - 1]!.seq).toBe(61_000);
    expect(kept.every((r, i) => i === 0 || r.seq === kept[i - 1]!.seq + 1)).toBe(true);
    expect(log.after(60_990, 5).map((r) => r.seq)).toEqual([60_991, 60_992, 60_993, 60_994, 60_995]);
    expect(log.counts.total).toBe(61_000);
    expect(log.counts.byRoute["tiktok GET /r/0"]).toBe(20_334);
    log.clear();
    expect(log.after(0, 10)).toEqual([]);
    expect(log.add(row(1)).seq).toBe(61_001);
  });
});
