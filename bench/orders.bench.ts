import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { BenchResult } from "./types";

// Order import end to end (sandbox webhook → app → local job runner → Shopify sandbox), measured in a child
// process (bench/orders-measure.ts) that starts the production build as the resilience run does.
// BENCH_ORDERS sizes the burst (default 1,000); with DATABASE_URL set it runs on a database of that server.

export async function run(): Promise<BenchResult[]> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", path.join("bench", "orders-measure.ts")], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 45 * 60_000,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULTS "));
  if (!line) throw new Error(`the order benchmark printed no results:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH_RESULTS ".length)) as BenchResult[];
}
