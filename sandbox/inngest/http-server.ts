// The runner's HTTP API: the Inngest event and register endpoints the SDK calls, plus /v0/*
// endpoints to sync, inspect runs, wait for idleness and run a function by hand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Engine } from "./engine";
import { ingestEvents, scheduleFunction } from "./events";
import { hashSigningKey } from "./signing";
import { applyFunctions, syncInBand } from "./sync";
import { eventInputSchema, type RunRecord } from "./types";

type Reply = { status: number; body: unknown };

export function createRunnerServer(engine: Engine): Server {
  return createServer((req, res) => {
    void handle(engine, req).then(
      (r) => send(res, r),
      (err) => send(res, { status: 500, body: { error: String(err) } }),
    );
  });
}

function send(res: ServerResponse, r: Reply): void {
  res.writeHead(r.status, { "content-type": "application/json" });
  res.end(JSON.stringify(r.body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest("body is not JSON");
  }
}

class BadRequest extends Error {}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function handle(engine: Engine, req: IncomingMessage): Promise<Reply> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";
  try {
    if (method === "POST" && parts[0] === "e" && parts.length === 2) return postEvents(engine, parts[1]!, await readBody(req));
    if ((method === "POST" || method === "PUT") && url.pathname === "/fn/register") return register(engine, req, await readBody(req));
    if (method === "POST" && url.pathname === "/v0/sync") {
      const r = await syncInBand(engine, { untilMs: Number(url.searchParams.get("timeoutMs") ?? 60_000) });
      return { status: r.ok ? 200 : 502, body: r };
    }
    if (method === "GET" && url.pathname === "/v0/functions") return { status: 200, body: functionsView(engine) };
    if (method === "GET" && url.pathname === "/v0/idle") return idleView(engine, url.searchParams.get("waiting") === "true");
    if (method === "GET" && url.pathname === "/v0/runs") return runsView(engine, url.searchParams);
    if (method === "GET" && parts[0] === "v0" && parts[1] === "runs" && parts.length === 3) {
      const run = engine.run(parts[2]!);
      return run ? { status: 200, body: runView(run) } : { status: 404, body: { error: `no run ${parts[2]}` } };
    }
    if (method === "POST" && parts[0] === "v0" && parts[1] === "functions" && parts[3] === "invoke" && parts.length === 4) {
      return invokeNow(engine, parts[2]!, await readBody(req));
    }
    if (method === "GET" && url.pathname === "/") return { status: 200, body: { runner: "ferry local inngest runner", app: engine.options.appUrl, mode: engine.options.signingKey ? "cloud" : "dev", ...functionsView(engine) } };
    return { status: 404, body: { error: `no route ${method} ${url.pathname}` } };
  } catch (err) {
    if (err instanceof BadRequest) return { status: 400, body: { error: err.message } };
    throw err;
  }
}

function postEvents(engine: Engine, key: string, body: unknown): Reply {
  const { eventKey } = engine.options;
  if (eventKey && !same(key, eventKey)) return { status: 401, body: { ids: [], status: 401, error: "unknown event key" } };
  const parsed = z.union([eventInputSchema, z.array(eventInputSchema)]).safeParse(body);
  if (!parsed.success) return { status: 400, body: { ids: [], status: 400, error: `invalid event payload: ${parsed.error.message}` } };
  const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  return { status: 200, body: { ids: ingestEvents(engine, events), status: 200 } };
}

function register(engine: Engine, req: IncomingMessage, body: unknown): Reply {
  const { signingKey } = engine.options;
  if (signingKey && !same(req.headers.authorization ?? "", `Bearer ${hashSigningKey(signingKey)}`)) {
    return { status: 401, body: { status: 401, error: "invalid signing key" } };
  }
  const parsed = z.object({ functions: z.array(z.unknown()) }).passthrough().safeParse(body);
  if (!parsed.success) return { status: 400, body: { status: 400, error: `invalid register body: ${parsed.error.message}` } };
  const r = applyFunctions(engine, parsed.data.functions, "out_of_band");
  return r.ok ? { status: 200, body: { status: 200, modified: true } } : { status: 400, body: { status: 400, error: r.error } };
}

function invokeNow(engine: Engine, id: string, body: unknown): Reply {
  const fn = engine.functions.get(id) ?? [...engine.functions.values()].find((f) => f.id.endsWith(`-${id}`));
  if (!fn) return { status: 404, body: { error: `no function ${id}; known: ${[...engine.functions.keys()].join(", ")}` } };
  const data = (body && typeof body === "object" && "data" in body ? (body as { data: unknown }).data : undefined) ?? {};
  const cron = fn.crons[0];
  const event = cron
    ? { name: "inngest/scheduled.timer", data: { cron: cron.source, ...(data as object) }, id: engine.newId("evt_"), ts: Date.now() }
    : { name: "inngest/function.invoked", data: data as Record<string, unknown>, id: engine.newId("evt_"), ts: Date.now() };
  engine.state.seenEvents[event.id] = Date.now();
  const before = new Set(Object.keys(engine.state.runs));
  scheduleFunction(engine, fn, event);
  engine.changed();
  const runId = Object.keys(engine.state.runs).find((k) => !before.has(k)) ?? null;
  return { status: 202, body: { functionId: fn.id, eventId: event.id, runId } };
}

function functionsView(engine: Engine) {
  return {
    syncedAt: engine.state.syncedAt ? new Date(engine.state.syncedAt).toISOString() : null,
    syncError: engine.state.syncError ?? null,
    functions: [...engine.functions.values()].map((f) => ({
      id: f.id,
      triggers: f.config.triggers,
      maxAttempts: f.maxAttempts,
    })),
  };
}

function idleView(engine: Engine, includeWaiting: boolean): Reply {
  const runs = Object.values(engine.state.runs);
  const count = (s: RunRecord["status"]) => runs.filter((r) => r.status === s).length;
  return {
    status: 200,
    body: {
      idle: engine.isIdle(includeWaiting),
      inFlight: engine.inFlight.size,
      queueItems: engine.state.queue.length,
      queued: count("Queued"), running: count("Running"), sleeping: count("Sleeping"), waiting: count("Waiting"),
    },
  };
}

function runsView(engine: Engine, q: URLSearchParams): Reply {
  const status = q.get("status");
  const fn = q.get("function");
  const limit = Math.max(1, Math.min(Number(q.get("limit") ?? 100) || 100, 1000));
  const runs = Object.values(engine.state.runs)
    .filter((r) => (!status || r.status.toLowerCase() === status.toLowerCase()) && (!fn || r.functionId === fn || r.functionId.endsWith(`-${fn}`)))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
  return { status: 200, body: { runs: runs.map(runView) } };
}

function iso(ms: number | undefined): string | null {
  return ms ? new Date(ms).toISOString() : null;
}

export function runView(r: RunRecord) {
  return {
    id: r.id,
    functionId: r.functionId,
    status: r.status,
    attempts: r.attempts + 1,
    event: r.event,
    batchSize: r.events.length,
    steps: r.history.map((h) => ({ ...h, startedAt: iso(h.startedAt), endedAt: iso(h.endedAt) })),
    output: r.output ?? null,
    error: r.error ?? null,
    parentRunId: r.parent?.runId ?? null,
    createdAt: iso(r.createdAt),
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    durationMs: r.endedAt && r.startedAt ? r.endedAt - r.startedAt : null,
  };
}
