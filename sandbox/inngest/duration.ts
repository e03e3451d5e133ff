// Durations as the SDK writes them ("1d2h30m10s", "500ms") or absolute ISO dates (sleepUntil).
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseDurationMs(input: string): number | null {
  const s = input.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(re)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    consumed += m[0].length;
  }
  return consumed === s.length ? total : null;
}

/** Milliseconds to wait for a Sleep op name: a duration (scaled for tests) or an absolute date. */
export function sleepTarget(name: string, now: number, scale: number): number {
  const d = parseDurationMs(name);
  if (d !== null) return now + d * scale;
  const at = Date.parse(name);
  if (Number.isFinite(at)) return at;
  throw new Error(`cannot parse sleep duration "${name}"`);
}

/** A retry-after value: seconds, or an HTTP/ISO date. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
