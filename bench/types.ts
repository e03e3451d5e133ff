export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The figure must stay at or below this. */
  target: number;
  ok: boolean;
  detail?: string;
}

export function result(input: Omit<BenchResult, "ok">): BenchResult {
  return { ...input, ok: input.value <= input.target };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
