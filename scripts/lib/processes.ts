import { spawn, type ChildProcess } from "node:child_process";

const children = new Set<ChildProcess>();

/**
 * Runs a command to completion, inheriting output; throws with the step's name on failure.
 * Asynchronous on purpose: this process may itself be serving the embedded database.
 */
export function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code ?? signal}).`))));
  });
}

/** Starts a long-running child, prefixing its output, and remembers it so stopAll() can end it. */
export function startService(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`[${label}] ${line}\n`);
  };
  child.stdout?.on("data", prefix(process.stdout));
  child.stderr?.on("data", prefix(process.stderr));
  child.on("exit", () => children.delete(child));
  return child;
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process exited (code ${child.exitCode}) before answering.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Ends every child: SIGTERM, then SIGKILL after `graceMs`. `next start` shuts down gracefully, waiting
 * for idle keep-alive connections to close, and an open browser tab keeps those for minutes.
 */
export function stopAll(graceMs = 5_000): Promise<void> {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  return Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  ).then(() => undefined);
}
