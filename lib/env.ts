import { z } from "zod";

// The only file that reads process.env (STYLE.md rule 12). Everything else imports `env()`.

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    NEXTAUTH_SECRET: optionalString,
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
        .optional(),
    ),
    // Connections per app instance. The embedded PGlite server multiplexes one engine, and concurrent
    // queries from one pool can interleave there; the demo and tests use 1 against it.
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().default(".data"),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
    TRUST_PROXY: booleanFlag,
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    SMTP_URL: optionalString.pipe(z.url("SMTP_URL must be a URL such as smtp://user:pass@host:587").optional()),
    MAIL_FROM: z.string().default("Ferry <no-reply@ferry.local>"),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    PASSWORD_HASH_ROUNDS: z.coerce.number().int().min(8).max(15).default(12),
    // Inngest: INNGEST_DEV ("1" or the dev server's URL, such as the local runner) for unsigned
    // local work; otherwise Inngest Cloud or a self-hosted server with signing and event keys.
    // "keyid:base64-32-bytes[,older…]": encrypts platform tokens at rest (the demo generates one).
    TOKEN_ENCRYPTION_KEY: optionalString,
    // Platforms. Production defaults point at the real hosts; the demo points them at the sandbox.
    SHOPIFY_CLIENT_ID: optionalString,
    SHOPIFY_CLIENT_SECRET: optionalString,
    SHOPIFY_SCOPES: z
      .string()
      .default("read_products,write_products,read_inventory,write_inventory,read_locations,read_orders,write_orders,read_fulfillments,write_fulfillments,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders"),
    // A template: {shop} is replaced by the shop domain (name.myshopify.com).
    SHOPIFY_ADMIN_BASE_URL: z.string().default("https://{shop}").refine((v) => v.includes("{shop}"), "SHOPIFY_ADMIN_BASE_URL must contain {shop}"),
    TIKTOK_APP_KEY: optionalString,
    TIKTOK_APP_SECRET: optionalString,
    TIKTOK_SERVICE_ID: optionalString,
    TIKTOK_API_BASE_URL: z.url().default("https://open-api.tiktokglobalshop.com"),
    TIKTOK_AUTH_BASE_URL: z.url().default("https://auth.tiktok-shops.com"),
    TIKTOK_AUTHORIZE_URL: z.url().default("https://services.tiktokshop.com/open/authorize"),
    INNGEST_DEV: optionalString,
    INNGEST_RUNNER_PORT: z.coerce.number().int().min(1).max(65535).default(8288),
    SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
    INNGEST_BASE_URL: optionalString.pipe(z.url("INNGEST_BASE_URL must be a URL").optional()),
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_EVENT_KEY: optionalString,
    NEXT_PHASE: optionalString,
  })
  .transform((raw) => ({
    ...raw,
    APP_URL: (raw.APP_URL ?? `http://127.0.0.1:${raw.PORT}`).replace(/\/+$/, ""),
    isBuild: raw.NEXT_PHASE === "phase-production-build",
    inngest: inngestSettings(raw),
  }))
  .superRefine((value, ctx) => {
    const runtimeProduction = value.NODE_ENV === "production" && !value.isBuild;
    if (runtimeProduction && (!value.NEXTAUTH_SECRET || value.NEXTAUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "NEXTAUTH_SECRET must be set to at least 32 characters (npm run demo generates one into .data/)",
      });
    }
    if (runtimeProduction && !value.inngest.isDev && (!value.INNGEST_SIGNING_KEY || !value.INNGEST_EVENT_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY"],
        message: "Set INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY (Inngest Cloud or self-hosted), or INNGEST_DEV=<dev server URL> on one machine",
      });
    }
    if (runtimeProduction && !value.TOKEN_ENCRYPTION_KEY) {
      ctx.addIssue({ code: "custom", path: ["TOKEN_ENCRYPTION_KEY"], message: 'TOKEN_ENCRYPTION_KEY must be set ("keyid:" + base64 of 32 random bytes)' });
    }
    for (const [a, b] of [["SHOPIFY_CLIENT_ID", "SHOPIFY_CLIENT_SECRET"], ["TIKTOK_APP_KEY", "TIKTOK_APP_SECRET"]] as const) {
      if (Boolean(value[a]) !== Boolean(value[b])) ctx.addIssue({ code: "custom", path: [b], message: `Set both ${a} and ${b}, or neither` });
    }
    if (Boolean(value.GITHUB_ID) !== Boolean(value.GITHUB_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_SECRET"], message: "Set both GITHUB_ID and GITHUB_SECRET, or neither" });
    }
    if (Boolean(value.GOOGLE_CLIENT_ID) !== Boolean(value.GOOGLE_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["GOOGLE_CLIENT_SECRET"],
        message: "Set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

function inngestSettings(raw: { INNGEST_DEV?: string; INNGEST_BASE_URL?: string; INNGEST_SIGNING_KEY?: string; INNGEST_EVENT_KEY?: string }) {
  const devUrl = raw.INNGEST_DEV && /^https?:\/\//.test(raw.INNGEST_DEV) ? raw.INNGEST_DEV : undefined;
  const isDev = raw.INNGEST_DEV !== undefined && raw.INNGEST_DEV !== "0" && raw.INNGEST_DEV !== "false";
  return {
    isDev,
    baseUrl: (devUrl ?? raw.INNGEST_BASE_URL)?.replace(/\/+$/, ""),
    signingKey: isDev ? undefined : raw.INNGEST_SIGNING_KEY,
    eventKey: isDev ? undefined : raw.INNGEST_EVENT_KEY,
  };
}

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(
      "Invalid environment:\n" +
        issues.map((issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value means "not set" (a copied .env.example leaves most of them empty).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** For scripts that set variables after start-up (the benchmarks' sandbox): read the environment again. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export interface ValidateEnvAtBootOptions {
  exit?: (code: number) => void;
  report?: (message: string) => void;
}

/**
 * Called once as the server starts (instrumentation.ts): an invalid environment stops the boot with
 * every problem listed, instead of failing on whichever request first reads a variable. Next.js would
 * log a throwing register() and go on answering 500s, so this exits. `next build` is lenient about
 * runtime-only secrets (isBuild).
 */
export function validateEnvAtBoot({ exit = (code) => process.exit(code), report = (message) => console.error(message) }: ValidateEnvAtBootOptions = {}): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    report(`Ferry cannot start. ${error.message}\nSee .env.example for every variable.`);
    exit(1);
  }
}

/** The connection string the app uses: DATABASE_URL, or the embedded PGlite server's address. */
export function databaseUrl(value: Env = env()): string {
  return value.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${value.EMBEDDED_DB_PORT}/ferry`;
}
