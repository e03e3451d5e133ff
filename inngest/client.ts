import { Inngest } from "inngest";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { ClassifyStepErrors } from "./middleware/classify-step-errors";
import { LogSteps } from "./middleware/log-steps";

function format(args: unknown[]): { msg: string; fields: Record<string, unknown> } {
  const [first, ...rest] = args;
  const msg = typeof first === "string" ? first : "inngest";
  const fields: Record<string, unknown> = typeof first === "object" && first !== null ? { ...(first as object) } : {};
  if (rest.length > 0) fields.details = rest;
  return { msg, fields };
}

// The SDK's logs go through our JSON logger, so credentials are redacted like everywhere else.
const logger = {
  debug: (...args: unknown[]) => log.debug(format(args).msg, { source: "inngest", ...format(args).fields }),
  info: (...args: unknown[]) => log.info(format(args).msg, { source: "inngest", ...format(args).fields }),
  warn: (...args: unknown[]) => log.warn(format(args).msg, { source: "inngest", ...format(args).fields }),
  error: (...args: unknown[]) => log.error(format(args).msg, { source: "inngest", ...format(args).fields }),
};

const settings = env().inngest;

/**
 * One client for the whole app. Dev mode (INNGEST_DEV) talks to the local runner or `inngest-cli dev`
 * unsigned; otherwise Inngest Cloud or a self-hosted server with signing and event keys.
 */
export const inngest = new Inngest({
  id: "ferry",
  isDev: settings.isDev,
  baseUrl: settings.baseUrl,
  signingKey: settings.signingKey,
  eventKey: settings.eventKey,
  logger,
  // LogSteps first, so its step lines see the error each step threw before classification.
  middleware: [LogSteps, ClassifyStepErrors],
});
