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
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The connection string the app uses: DATABASE_URL, or the embedded PGlite server's address. */
export function databaseUrl(value: Env = env()): string {
  return value.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${value.EMBEDDED_DB_PORT}/ferry`;
}
