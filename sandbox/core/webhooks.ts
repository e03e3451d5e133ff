import type { FaultSettings, OutgoingWebhook } from "./platform";
import type { RequestLog } from "./request-log";

/**
 * Background webhook delivery: POST, retry on a non-accepted status per hook.retrySeconds, apply the
 * drop/duplicate faults. Pending retries live in memory only (a restart forgets them, like a crash would).
 */
export class WebhookSender {
  private timers = new Set<NodeJS.Timeout>();
  private inflight = new Set<AbortController>();

  constructor(
    private readonly log: RequestLog,
    private readonly faults: (hook: OutgoingWebhook) => FaultSettings,
    private readonly nowIso: () => string,
  ) {}

  send(hook: OutgoingWebhook): void {
    const f = this.faults(hook);
    if (Math.random() < f.webhookDropRate) {
      // a dropped webhook is never delivered nor retried; it still shows in the log
      this.logRow(hook, 0, 0, "dropped");
      return;
    }
    const copies = Math.random() < f.webhookDuplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) void this.attempt(hook, 0);
  }

  private async attempt(hook: OutgoingWebhook, n: number): Promise<void> {
    const started = Date.now();
    const ctrl = new AbortController();
    this.inflight.add(ctrl);
    const timer = setTimeout(() => ctrl.abort(), hook.timeoutMs ?? 5000);
    let status = 0;
    try {
      const res = await fetch(hook.url, { method: "POST", headers: hook.headers, body: hook.body, signal: ctrl.signal });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch {
      status = 0; // connection refused, timeout or aborted
    } finally {
      clearTimeout(timer);
      this.inflight.delete(ctrl);
    }
    const accepted = hook.acceptStatuses ? hook.acceptStatuses.includes(status) : status >= 200 && status < 300;
    this.logRow(hook, status, Date.now() - started, accepted ? hook.logCode ?? null : `attempt ${n + 1} failed`);
    if (accepted || n >= hook.retrySeconds.length) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.attempt(hook, n + 1);
    }, Math.max(0, hook.retrySeconds[n]! * 1000));
    this.timers.add(t);
  }

  private logRow(hook: OutgoingWebhook, status: number, ms: number, code: string | number | null): void {
    let route = hook.logRoute;
    if (!route) {
      try { route = new URL(hook.url).pathname; } catch { route = hook.url; }
    }
    this.log.add({ at: this.nowIso(), platform: hook.platform, method: "POST", route, shop: hook.logShop ?? null, status, code, ms, direction: "out" });
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inflight) c.abort();
    this.inflight.clear();
  }
}
