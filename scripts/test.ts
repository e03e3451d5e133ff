import { spawn } from "node:child_process";

// `npm test`: lint, typecheck, unit and integration tests, browser tests. Stops at the first
// failing step and names it. The browser tests start their own app, database and data directory.
const steps: { name: string; args: string[] }[] = [
  { name: "lint", args: ["eslint", "."] },
  { name: "typecheck", args: ["tsc", "--noEmit"] },
  { name: "unit and integration tests", args: ["vitest", "run"] },
  { name: "browser tests", args: ["playwright", "test"] },
];

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["--no-install", ...args], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const only = process.argv.slice(2);
  for (const step of steps) {
    if (only.length > 0 && !only.some((name) => step.name.startsWith(name))) continue;
    const started = Date.now();
    console.log(`\n▶ ${step.name}`);
    const code = await run(step.args);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (code !== 0) {
      console.error(`\n✖ ${step.name} failed (exit ${code}, ${seconds} s)`);
      process.exit(code);
    }
    console.log(`✔ ${step.name} (${seconds} s)`);
  }
}

void main();
