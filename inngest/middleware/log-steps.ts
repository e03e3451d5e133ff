import { Middleware } from "inngest";
import { log } from "@/lib/log";

type Fn = { id(prefix?: string): string; name?: string };
type StepInfo = Middleware.OnStepStartArgs["stepInfo"];

function describeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; message?: unknown; cause?: { name?: unknown; message?: unknown } };
  return {
    errorName: typeof e?.name === "string" ? e.name : undefined,
    error: typeof e?.message === "string" ? e.message.slice(0, 500) : String(error).slice(0, 500),
    ...(e?.cause && typeof e.cause === "object" ? { cause: `${String(e.cause.name)}: ${String(e.cause.message).slice(0, 500)}` } : {}),
  };
}

/**
 * One JSON line per step (step.run and step.sendEvent) and one per run outcome, written by the app
 * itself, so every Inngest backend (Cloud, self-hosted, the local runner) leaves the same trail.
 * Lines go through lib/log.ts, which redacts credential-looking keys; event data is never logged.
 */
export class LogSteps extends Middleware.BaseMiddleware {
  readonly id = "ferry-log-steps";
  // Middleware instances are created per request, so this map holds only this request's steps.
  private readonly started = new Map<string, number>();

  private fields(ctx: { runId: string; attempt: number }, fn: Fn, stepInfo?: StepInfo): Record<string, unknown> {
    return {
      source: "inngest",
      fn: fn.id(this.client.id),
      runId: ctx.runId,
      attempt: ctx.attempt,
      ...(stepInfo ? { step: stepInfo.options.id, stepType: String(stepInfo.stepType) } : {}),
    };
  }

  onStepStart({ stepInfo }: Middleware.OnStepStartArgs): void {
    this.started.set(stepInfo.hashedId, Date.now());
  }

  private ms(stepInfo: StepInfo): number | undefined {
    const at = this.started.get(stepInfo.hashedId);
    return at === undefined ? undefined : Date.now() - at;
  }

  onStepComplete({ ctx, fn, stepInfo }: Middleware.OnStepCompleteArgs): void {
    log.info("job step", { ...this.fields(ctx, fn, stepInfo), outcome: "completed", ms: this.ms(stepInfo) });
  }

  onStepError({ ctx, fn, stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs): void {
    const outcome = isFinalAttempt ? "failed" : "retrying";
    log[isFinalAttempt ? "error" : "warn"]("job step", { ...this.fields(ctx, fn, stepInfo), outcome, ms: this.ms(stepInfo), ...describeError(error) });
  }

  onRunComplete({ ctx, fn }: Middleware.OnRunCompleteArgs): void {
    log.info("job run", { ...this.fields(ctx, fn), outcome: "completed" });
  }

  onRunError({ ctx, fn, error, isFinalAttempt }: Middleware.OnRunErrorArgs): void {
    log[isFinalAttempt ? "error" : "warn"]("job run", { ...this.fields(ctx, fn), outcome: isFinalAttempt ? "failed" : "retrying", ...describeError(error) });
  }
}
