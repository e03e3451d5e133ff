import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleControl } from "./control";
import { NO_FAULTS, sleep, TIMEOUT_HOLD_MS } from "./faults";
import { badRequest, readRequest, writeResponse } from "./http";
import { indexPage } from "./index-page";
import { StateFile } from "./persistence";
import type { Platform, PlatformModule, SandboxContext, SandboxRequest, SandboxResponse } from "./platform";
import { RequestLog } from "./request-log";
import { WebhookSender } from "./webhooks";

export interface SandboxServerOptions { port?: number; host?: string; dataDir: string; modules: PlatformModule[] }
export interface SandboxServer { url: string; ctx: SandboxContext; close(): Promise<void> }

export async function createSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { modules } = options;
  const file = new StateFile(options.dataDir);
  const log = new RequestLog();
  const tickers = new Map<string, { timer: NodeJS.Timeout; fn: () => void }>();
  const sockets = new Set<Socket>();
  let closed = false;

  const ctx: SandboxContext = {
    now: () => Date.now() + file.root.clockOffsetMs,
    wallNow: () => Date.now(),
    state<T>(key: string, init: () => T): T {
      if (!(key in file.root.slices)) file.root.slices[key] = init();
      return file.root.slices[key] as T;
    },
    save: () => file.scheduleSave(),
    config<T>(platform: Platform, defaults: T): T {
      return { ...defaults, ...(file.root.config[platform] ?? {}) } as T;
    },
    apps(platform: Platform) {
      return (file.root.apps[platform] ??= {});
    },
    faults: (platform: Platform) => ({ ...NO_FAULTS, ...(file.root.faults[platform] ?? {}) }),
    sendWebhook: (hook) => {
      if (!closed) webhooks.send(hook);
    },
    every(name, ms, fn) {
      const old = tickers.get(name);
      if (old) clearInterval(old.timer);
      const timer = setInterval(() => safeRun(fn), ms);
      timer.unref?.();
      tickers.set(name, { timer, fn });
    },
  };
  const webhooks = new WebhookSender(log, (hook) => ctx.faults(hook.platform), () => new Date(ctx.now()).toISOString());
  const runTickers = () => {
    for (const t of tickers.values()) safeRun(t.fn);
  };
  const reset = () => {
    webhooks.stop();
    file.clear();
    log.clear();
    for (const m of modules) m.reset?.(ctx);
  };

  async function route(req: SandboxRequest, started: number): Promise<SandboxResponse | "hold"> {
    if (req.path === "/" || req.path.startsWith("/__sandbox/ui/")) return indexPage(req, { modules, ctx });
    if (req.path === "/__sandbox" || req.path.startsWith("/__sandbox/")) {
      return handleControl(req, { modules, ctx, file, log, reset, runTickers });
    }
    const mod = modules.find((m) => req.path === m.prefix || req.path.startsWith(`${m.prefix}/`));
    if (!mod) return badRequest(`no route for ${req.method} ${req.path}; see GET / for what this sandbox serves`, 404);
    const exempt = mod.faultExempt?.(req) ?? false;
    const f = ctx.faults(mod.platform);
    let out: SandboxResponse | null = null;
    if (!exempt) {
      if (f.latencyMs > 0) await sleep(f.latencyMs);
      if (Math.random() < f.timeoutRate) return "hold";
      if (mod.faultResponse && Math.random() < f.errorRate) out = mod.faultResponse("error", req);
      else if (mod.faultResponse && Math.random() < f.rateLimitRate) out = mod.faultResponse("rateLimit", req);
    }
    out ??= await mod.handle(req, ctx);
    out ??= badRequest(`no route for ${req.method} ${req.path}`, 404);
    log.add({
      at: new Date(ctx.now()).toISOString(), platform: mod.platform, method: req.method, route: out.logRoute ?? req.path,
      shop: out.logShop ?? null, status: out.status, code: out.logCode ?? null, ms: Date.now() - started, direction: "in",
    });
    return out;
  }

  const server = http.createServer((req, res) => {
    const started = Date.now();
    void (async () => {
      try {
        const sreq = await readRequest(req, "http://127.0.0.1", started);
        const out = await route(sreq, started);
        if (out === "hold") {
          // an injected timeout: keep the connection open; answer the platform's timeout error only if the client waits very long
          const mod = modules.find((m) => sreq.path.startsWith(m.prefix));
          const t = setTimeout(() => {
            if (!res.writableEnded) writeResponse(res, mod?.faultResponse?.("timeout", sreq) ?? badRequest("timeout", 504));
          }, TIMEOUT_HOLD_MS);
          t.unref?.();
          res.on("close", () => clearTimeout(t));
          return;
        }
        writeResponse(res, out);
      } catch (err) {
        if (!res.headersSent) writeResponse(res, badRequest(`sandbox error: ${(err as Error).message}`, 500));
        else res.end();
      }
    })();
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, options.host ?? "127.0.0.1", () => resolve());
  });
  for (const m of modules) m.start?.(ctx);
  const addr = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${addr.port}`;

  return {
    url,
    ctx,
    async close() {
      closed = true;
      for (const t of tickers.values()) clearInterval(t.timer);
      tickers.clear();
      webhooks.stop();
      file.flush();
      // a background save the flush overtook still finishes (and is dropped) before close resolves
      await file.settled();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function safeRun(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error("[sandbox] ticker failed:", err);
  }
}
