// The app's own functions (inngest/index.ts, with the app's client and middleware) served by the
// SDK and driven by the local runner, on the test database and the platform sandbox.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "inngest/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "@/lib/db";
import { pairedStores } from "@/lib/mapping/catalog-fixtures";
import { connectedShopifyStore, newOrganization } from "@/lib/testing/connected-stores";
import { resetDatabase, testDb } from "@/lib/testing/db";
import { startRunner, type Runner } from "../../sandbox/inngest/runner";
import { inngest } from "../client";
import { functions } from "../index";

let app: Server;
let runner: Runner;
let dataDir: string;

beforeAll(async () => {
  setDbClient(testDb);
  app = createServer(serve({ client: inngest, functions }));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  dataDir = mkdtempSync(path.join(tmpdir(), "ferry-functions-"));
  runner = await startRunner({ port: 0, appUrl, dataDir, syncOnStart: false, backoffBaseMs: 20, connectRetryMs: 20, durationScale: 0.05, log: () => {} });
  const synced = await runner.sync();
  if (!synced.ok) throw new Error(synced.error);
});

afterAll(async () => {
  await runner?.close();
  app?.closeAllConnections();
  await new Promise<void>((r) => app.close(() => r()));
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => resetDatabase());

type RunView = { id: string; functionId: string; status: string; output: unknown; error: { message?: string } | null; event: { data: Record<string, unknown> } };

async function send(name: string, data: Record<string, unknown>) {
  await fetch(`${runner.url}/e/test`, { method: "POST", body: JSON.stringify({ name, data }) });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { idle } = (await (await fetch(`${runner.url}/v0/idle`)).json()) as { idle: boolean };
    if (idle) break;
    if (Date.now() > deadline) throw new Error("runner never became idle");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs of one function for one organization (the runner keeps every test's runs), newest first. */
async function runs(fn: string, organizationId: string): Promise<RunView[]> {
  const all = ((await (await fetch(`${runner.url}/v0/runs?function=ferry-${fn}`)).json()) as { runs: RunView[] }).runs;
  const orgOf = (r: RunView) => (r.event.data.event as { data?: Record<string, unknown> } | undefined)?.data?.organizationId ?? r.event.data.organizationId;
  return all.filter((r) => orgOf(r) === organizationId);
}

describe("check-connection-health", () => {
  it("checks each store through check-store and records one entry", async () => {
    const org = await newOrganization();
    const { connectionId } = await connectedShopifyStore(org);
    await send("connections/health-check.requested", { organizationId: org.organizationId, requestedBy: org.userId });
    const [run] = await runs("check-connection-health", org.organizationId);
    expect(run).toMatchObject({ status: "Completed", output: { status: "healthy", recorded: true } });
    expect((await runs("check-store", org.organizationId)).map((r) => [r.status, r.event.data.connectionId])).toEqual([["Completed", connectionId]]);
    const entries = await testDb.activityEntry.findMany({ where: { organizationId: org.organizationId, type: "connections.health_check" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toMatch(/^Connection health check: 1 store healthy/);
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).lastCheckedAt).not.toBeNull();
  });

  it("records one entry for a member's check of an organization without stores", async () => {
    const org = await newOrganization();
    await send("connections/health-check.requested", { organizationId: org.organizationId, requestedBy: org.userId });
    const entries = await testDb.activityEntry.findMany({ where: { organizationId: org.organizationId } });
    expect(entries.map((e) => e.message)).toEqual([expect.stringMatching(/^Connection health check: no stores are connected yet/)]);
  });

  it("checks nothing of another organization's store named in the event", async () => {
    const victim = await newOrganization("Victim");
    const { connectionId } = await connectedShopifyStore(victim);
    const attacker = await newOrganization("Attacker");
    await send("connections/health-check.requested", { organizationId: attacker.organizationId, connectionId, requestedBy: attacker.userId });
    expect((await runs("check-connection-health", attacker.organizationId))[0]).toMatchObject({ status: "Completed", output: { status: "no_connections" } });
    expect(await runs("check-store", attacker.organizationId)).toEqual([]);
    expect((await testDb.connection.findUniqueOrThrow({ where: { id: connectionId } })).lastCheckedAt).toBeNull();
    expect(await testDb.activityEntry.count({ where: { organizationId: victim.organizationId, type: "connections.health_check" } })).toBe(0);
  });
});

describe("onFailure of a real function", () => {
  it("apply-mapping-batch gives up on an unreadable batch: FAILED, and Activity says so without the raw error", async () => {
    const stores = await pairedStores(testDb);
    const batch = await testDb.mappingBatch.create({ data: { organizationId: stores.organizationId, status: "QUEUED", requested: { rows: "not rows" } } });
    await send("mapping/batch.created", { organizationId: stores.organizationId, tiktokConnectionId: stores.tiktokConnectionId, batchId: batch.id });
    const [run] = await runs("apply-mapping-batch", stores.organizationId);
    expect(run!.status).toBe("Failed");
    expect((await runs("apply-mapping-batch-failure", stores.organizationId))[0]).toMatchObject({ status: "Completed" });
    expect(await testDb.mappingBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED" });
    const [entry] = await testDb.activityEntry.findMany({ where: { organizationId: stores.organizationId } });
    expect(entry).toMatchObject({ type: "mapping.batch_failed", level: "ERROR", subjectId: batch.id });
    expect(entry!.message).toBe(`Mapping the selected products failed: an unexpected error (reference ${run!.id}). Rows mapped before the failure stay mapped; select the rest on Products and press "Map" again.`);
  });
});
