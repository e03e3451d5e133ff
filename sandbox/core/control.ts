import { z } from "zod";
import { badRequest, json } from "./http";
import { faultsInput, NO_FAULTS } from "./faults";
import type { Platform, PlatformModule, SandboxContext, SandboxRequest, SandboxResponse } from "./platform";
import type { RequestLog } from "./request-log";
import type { StateFile } from "./persistence";

export interface ControlDeps {
  modules: PlatformModule[];
  ctx: SandboxContext;
  file: StateFile;
  log: RequestLog;
  reset(): void;
  runTickers(): void;
}

const clockInput = z.object({ advanceSeconds: z.number().finite() }).strict();
const zodMessage = (e: z.ZodError) => e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

/** The platform-independent control API under /__sandbox. Platform routes are delegated to the modules. */
export async function handleControl(req: SandboxRequest, deps: ControlDeps): Promise<SandboxResponse> {
  const { ctx, file, modules } = deps;
  const p = req.path.replace(/\/+$/, "");
  const route = `${req.method} ${p}`;

  if (route === "POST /__sandbox/reset") {
    deps.reset();
    return json(200, { ok: true });
  }
  if (p === "/__sandbox/clock") {
    if (req.method === "POST") {
      const parsed = clockInput.safeParse(req.body);
      if (!parsed.success) return badRequest(`expected {advanceSeconds: number}: ${zodMessage(parsed.error)}`);
      if (parsed.data.advanceSeconds < 0) return badRequest("advanceSeconds must be >= 0: the sandbox clock never goes back");
      file.root.clockOffsetMs += parsed.data.advanceSeconds * 1000;
      ctx.save();
      deps.runTickers();
    } else if (req.method !== "GET") return badRequest("use GET or POST", 405);
    return json(200, { now: new Date(ctx.now()).toISOString(), nowMs: ctx.now(), offsetSeconds: file.root.clockOffsetMs / 1000 });
  }
  if (p === "/__sandbox/config") {
    if (req.method === "POST") {
      const body = req.body;
      if (!body || typeof body !== "object" || Array.isArray(body)) return badRequest("expected a JSON object such as {tiktok: {...}}");
      for (const [name, patch] of Object.entries(body)) {
        const mod = modules.find((m) => m.platform === name);
        if (!mod) return badRequest(`unknown platform "${name}"; expected one of ${modules.map((m) => m.platform).join(", ")}`);
        if (!patch || typeof patch !== "object" || Array.isArray(patch)) return badRequest(`${name}: expected an object`);
        const error = mod.validateConfig?.(patch) ?? null;
        if (error) return badRequest(`${name}: ${error}`);
      }
      for (const [name, patch] of Object.entries(body)) {
        const key = name as Platform;
        file.root.config[key] = { ...(file.root.config[key] ?? {}), ...(patch as Record<string, unknown>) };
      }
      ctx.save();
    } else if (req.method !== "GET") return badRequest("use GET or POST", 405);
    return json(200, currentConfig(deps));
  }
  if (route === "POST /__sandbox/apps") {
    const platform = (req.body as { platform?: unknown } | undefined)?.platform;
    const mod = modules.find((m) => m.platform === platform);
    if (!mod || !mod.registerApp) return badRequest(`"platform" must be one of ${modules.filter((m) => m.registerApp).map((m) => `"${m.platform}"`).join(", ")}`);
    return mod.registerApp(req.body, ctx);
  }
  if (route === "GET /__sandbox/apps") {
    return json(200, Object.fromEntries(modules.map((m) => [m.platform, ctx.apps(m.platform)])));
  }
  if (p === "/__sandbox/faults") {
    if (req.method === "POST") {
      const parsed = faultsInput.safeParse(req.body);
      if (!parsed.success) return badRequest(`bad faults: ${zodMessage(parsed.error)}`);
      const { platform, ...patch } = parsed.data;
      const targets: Platform[] = platform === "all" ? ["tiktok", "shopify"] : [platform];
      for (const t of targets) file.root.faults[t] = { ...NO_FAULTS, ...(file.root.faults[t] ?? {}), ...patch };
      ctx.save();
    } else if (req.method !== "GET") return badRequest("use GET or POST", 405);
    return json(200, { tiktok: ctx.faults("tiktok"), shopify: ctx.faults("shopify") });
  }
  if (route === "GET /__sandbox/requests") {
    const after = Number(req.url.searchParams.get("after") ?? "0");
    const limit = Number(req.url.searchParams.get("limit") ?? "1000");
    if (!Number.isFinite(after) || !Number.isInteger(limit) || limit < 1 || limit > 50_000) return badRequest("after must be a number and limit an integer in 1..50000");
    return json(200, { rows: deps.log.after(after, limit), counts: deps.log.counts });
  }
  for (const mod of modules) {
    if (p === `/__sandbox/${mod.platform}` || p.startsWith(`/__sandbox/${mod.platform}/`)) {
      const out = await mod.control(req, ctx);
      if (out) return out;
    }
  }
  return badRequest(`no control endpoint ${route}; see GET / for the list`, 404);
}

export function currentConfig(deps: Pick<ControlDeps, "modules" | "file">): Record<string, unknown> {
  return Object.fromEntries(deps.modules.map((m) => [m.platform, { ...(m.configDefaults ?? {}), ...(deps.file.root.config[m.platform] ?? {}) }]));
}
