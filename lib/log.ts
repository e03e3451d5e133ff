import { env } from "./env";

// Structured logs: one JSON line per event. Secrets never reach a log line: any key that looks like a
// credential is replaced before writing, whatever the caller passed.

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const secretKey = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|signature|hmac|credential/i;

/** Whether a field (or a route parameter) of this name holds a credential. */
export function isSecretKey(key: string): boolean {
  return secretKey.test(key);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = secretKey.test(key) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  let threshold: Level | "silent";
  try {
    threshold = env().LOG_LEVEL;
  } catch {
    threshold = "info";
  }
  if (order[level] < order[threshold]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...(redact(fields) as object) });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
