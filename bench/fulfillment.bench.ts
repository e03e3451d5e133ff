import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { BenchResult } from "./types";

// Shopify fulfillment → TikTok tracking latency, end to end with the local runner: measured in a child process
// (bench/fulfillment-measure.ts) that points the app's platform settings at a sandbox of its own.

export async function run(): Promise<BenchResult[]> {
  const { stdout } = await promisify(execFile)("npx", ["tsx", path.join("bench", "fulfillment-measure.ts")], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_RESULTS "));
  if (!line) throw new Error(`the fulfillment benchmark printed no results:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH_RESULTS ".length)) as BenchResult[];
}
