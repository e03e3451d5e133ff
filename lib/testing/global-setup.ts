import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { testDatabasesFromEnv } from "./test-databases";

// vitest globalSetup: serves each worker its own migrated database on request (lib/testing/db.ts
// asks on import), over a tiny local HTTP endpoint, so only test files that use the database pay
// for creating one.

declare module "vitest" {
  export interface ProvidedContext {
    ferryTestDatabases: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databases = testDatabasesFromEnv();
  const server = http.createServer((req, res) => {
    const worker = new URL(req.url ?? "/", "http://127.0.0.1").searchParams.get("worker") ?? "1";
    databases.forWorker(worker).then(
      (url) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ url, mode: databases.mode }));
      },
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(error instanceof Error ? (error.stack ?? error.message) : String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("ferryTestDatabases", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await databases.close();
  };
}
