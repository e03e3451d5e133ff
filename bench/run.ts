import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchResult } from "./types";

// `npm run bench [-- name-filter]`: runs every bench/*.bench.ts, prints one table and writes
// bench/results.json. Benchmarks report; they never fail the run.

const benchDir = path.resolve(process.cwd(), "bench");

function format(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function table(results: (BenchResult & { file: string })[]): string {
  const rows = results.map((r) => [r.name, format(r.value, r.unit), format(r.target, r.unit), (r.value / r.target).toFixed(2), r.ok ? "✓" : "✗"]);
  const header = ["benchmark", "figure", "target", "ratio", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const details = results.filter((r) => r.detail).map((r) => `  ${r.name}: ${r.detail}`);
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line), ...(details.length ? ["", ...details] : [])].join("\n");
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = fs
    .readdirSync(benchDir)
    .filter((file) => file.endsWith(".bench.ts") && (!filter || file.includes(filter)))
    .sort();
  const results: (BenchResult & { file: string })[] = [];
  const errors: string[] = [];
  for (const file of files) {
    console.log(`running ${file} …`);
    try {
      const bench = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { run?: () => Promise<BenchResult[]> };
      if (typeof bench.run !== "function") throw new Error("exports no run()");
      for (const r of await bench.run()) results.push({ ...r, file });
    } catch (error) {
      errors.push(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  console.log(`\n${table(results)}\n`);
  const missed = results.filter((r) => !r.ok);
  console.log(
    `${results.length - missed.length} of ${results.length} within target` +
      (missed.length ? `; missed: ${missed.map((r) => `${r.name} (${(r.value / r.target).toFixed(2)}×)`).join(", ")}` : "") +
      (errors.length ? `; ${errors.length} benchmark file(s) failed to run` : ""),
  );
  for (const error of errors) console.error(`\n✗ ${error}`);
  const output = { ranAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, results, errors };
  if (!filter) fs.writeFileSync(path.join(benchDir, "results.json"), `${JSON.stringify(output, null, 2)}\n`);
  else console.log("(a filtered run does not overwrite bench/results.json)");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(0);
  },
);
