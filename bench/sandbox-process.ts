import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

// The platform sandbox in its own process for a benchmark, as TikTok and Shopify are: in the bench's process it
// would take its share of the app's event loop and the figure would measure the stand-in, not the app.

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startSandboxProcess(dataDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  // Node itself with tsx's loader, not `npx tsx`: killing npx would leave the sandbox running.
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/server.ts"], { cwd: path.resolve(__dirname, ".."), env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_DATA_DIR: dataDir }, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/__sandbox/clock`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

