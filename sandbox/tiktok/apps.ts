import { z } from "zod";
import { badRequest, json } from "../core/http";
import type { SandboxContext, SandboxResponse } from "../core/platform";

export interface TikTokApp { appKey: string; appSecret: string; serviceId: string; redirectUrl: string; webhookUrl: string | null; registeredAt: string }

const appInput = z.object({
  platform: z.literal("tiktok"),
  appKey: z.string().min(1).max(64),
  appSecret: z.string().min(1).max(256),
  serviceId: z.string().min(1).max(64).optional(),
  redirectUrl: z.url(),
  webhookUrl: z.url().optional(),
}).strict();

export function registerApp(input: unknown, ctx: SandboxContext): SandboxResponse {
  const r = appInput.safeParse(input);
  if (!r.success) return badRequest(`bad TikTok app: ${r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`);
  const app: TikTokApp = {
    appKey: r.data.appKey, appSecret: r.data.appSecret, serviceId: r.data.serviceId ?? r.data.appKey,
    redirectUrl: r.data.redirectUrl, webhookUrl: r.data.webhookUrl ?? null, registeredAt: new Date(ctx.now()).toISOString(),
  };
  const apps = ctx.apps("tiktok");
  for (const [key, other] of Object.entries(apps)) {
    if (key !== app.appKey && other.serviceId === app.serviceId) return badRequest(`serviceId ${app.serviceId} already belongs to app ${key}`, 409);
  }
  apps[app.appKey] = { ...app };
  ctx.save();
  return json(201, app);
}

export function getApp(ctx: SandboxContext, appKey: string | null): TikTokApp | null {
  if (!appKey) return null;
  return (ctx.apps("tiktok")[appKey] as unknown as TikTokApp | undefined) ?? null;
}

export function appByServiceId(ctx: SandboxContext, serviceId: string | null): TikTokApp | null {
  if (!serviceId) return null;
  const found = Object.values(ctx.apps("tiktok")).find((a) => a.serviceId === serviceId);
  return (found as unknown as TikTokApp | undefined) ?? null;
}
