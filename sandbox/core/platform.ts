// The contract between the sandbox core and each platform stand-in. See sandbox/HELPERS.md.
// Additions after the first draft are all optional fields, marked "(added)".
export type Platform = "tiktok" | "shopify";
export const PLATFORMS: Platform[] = ["tiktok", "shopify"];

export interface SandboxRequest {
  method: string; url: URL; path: string; headers: Record<string, string | undefined>; rawBody: Buffer; /* parsed JSON or form body, or undefined */ body: unknown;
  /** Wall-clock ms when the request's headers arrived, before its body was read (a platform's gateway counts a call when it arrives). */
  receivedAt?: number;
}
export interface SandboxResponse { status: number; headers?: Record<string, string>; body: unknown /* object → JSON; string → as-is (set content-type for HTML) */; /* for the request log: */ logRoute?: string; logShop?: string; logCode?: string | number; }
export interface OutgoingWebhook {
  platform: Platform; url: string; headers: Record<string, string>; body: string; retrySeconds: number[];
  acceptStatuses?: number[];   // (added) statuses that count as delivered; default any 2xx
  timeoutMs?: number;          // (added) per-attempt timeout; default 5000
  logRoute?: string; logShop?: string; logCode?: string | number; // (added) request-log fields, e.g. the topic
}
export interface FaultSettings { errorRate: number; rateLimitRate: number; latencyMs: number; timeoutRate: number; webhookDropRate: number; webhookDuplicateRate: number }
export type FaultKind = "error" | "rateLimit" | "timeout";

export interface SandboxContext {
  now(): number;            // sandbox clock in ms (wall time + offset set by POST /__sandbox/clock)
  wallNow(): number;        // real wall clock in ms (TikTok's signature timestamp check uses this)
  state<T>(key: string, init: () => T): T;   // a persisted, JSON-serializable state slice (e.g. "tiktok", "shopify"); mutate it in place then call save(). After POST /__sandbox/reset it returns a fresh init() object, so never cache it across requests without checking identity.
  save(): void;             // persist soon (debounced, atomic write under <dataDir>/state.json); cleared by POST /__sandbox/reset
  config<T>(platform: Platform, defaults: T): T;   // merged current config slice for GET/POST /__sandbox/config
  apps(platform: Platform): Record<string, Record<string, unknown>>; // registrations from POST /__sandbox/apps, keyed by appKey (tiktok) or clientId (shopify). registerApp writes into this object itself, then calls save().
  faults(platform: Platform): FaultSettings;
  sendWebhook(hook: OutgoingWebhook): void;  // delivers in the background with retries on non-accepted statuses per retrySeconds, applies drop/duplicate faults, logs direction "out"
  every(name: string, ms: number, fn: () => void): void; // periodic timer owned by the server (stopped on close), e.g. to move ON_HOLD orders on. Also run once right after POST /__sandbox/clock.
}
export interface PlatformModule {
  platform: Platform;
  prefix: string;                 // "/tiktok" or "/shopify"
  handle(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse | null>;   // requests under prefix (API + consent pages); null → 404
  control(req: SandboxRequest, ctx: SandboxContext): Promise<SandboxResponse | null>;  // requests under /__sandbox/<platform>/... ; null → not mine
  registerApp?(input: unknown, ctx: SandboxContext): SandboxResponse;  // validates POST /__sandbox/apps bodies for this platform and stores them in ctx.apps(platform)
  start?(ctx: SandboxContext): void;  // timers etc.
  configDefaults?: Record<string, unknown>;            // (added) shown by GET /__sandbox/config
  validateConfig?(patch: unknown): string | null;      // (added) error message for a bad POST /__sandbox/config slice
  faultResponse?(kind: FaultKind, req: SandboxRequest): SandboxResponse; // (added) an injected fault in the platform's own format
  faultExempt?(req: SandboxRequest): boolean;          // (added) true for consent pages, which faults never touch
  reset?(ctx: SandboxContext): void;                   // (added) drop in-memory caches after POST /__sandbox/reset
  indexHtml?(ctx: SandboxContext): string;             // (added) an HTML fragment for the index page "/" (escape everything; show counts and the first rows only)
}
// createSandboxServer(options: { port?: number; host?: string; dataDir: string; modules: PlatformModule[] }) lives in sandbox/core/server.ts
