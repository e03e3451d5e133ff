import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseUrl, EnvError, envSchema, parseEnv, reloadEnv, validateEnvAtBoot } from "./env";

describe("parseEnv", () => {
  it("runs the demo with no environment at all", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://127.0.0.1:3000");
    expect(env.DATA_DIR).toBe(".data");
    expect(databaseUrl(env)).toBe("postgresql://postgres@127.0.0.1:5433/ferry");
  });

  it("derives APP_URL from PORT, and APP_URL wins when set", () => {
    expect(parseEnv({ PORT: "4123" }).APP_URL).toBe("http://127.0.0.1:4123");
    expect(parseEnv({ PORT: "4123", APP_URL: "https://ferry.example.com/" }).APP_URL).toBe("https://ferry.example.com");
  });

  it("uses DATABASE_URL when set", () => {
    expect(databaseUrl(parseEnv({ DATABASE_URL: "postgresql://u@db:5432/ferry" }))).toBe("postgresql://u@db:5432/ferry");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ APP_URL: "not a url" }, "APP_URL"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ NODE_ENV: "production" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "short", INNGEST_DEV: "1" }, "NEXTAUTH_SECRET"],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), INNGEST_DEV: "1" }, "TOKEN_ENCRYPTION_KEY"],
    [{ SHOPIFY_CLIENT_ID: "id" }, "SHOPIFY_CLIENT_SECRET"],
    [{ TIKTOK_APP_SECRET: "s" }, "TIKTOK_APP_SECRET"],
    [{ SHOPIFY_ADMIN_BASE_URL: "https://example.com" }, "{shop}"],
    [{ TIKTOK_API_BASE_URL: "nope" }, "TIKTOK_API_BASE_URL"],
    [{ GITHUB_ID: "id" }, "GITHUB_SECRET"],
    [{ GOOGLE_CLIENT_SECRET: "s" }, "GOOGLE_CLIENT_SECRET"],
    [{ SMTP_URL: "nonsense" }, "SMTP_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %j with a message naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(name);
  });

  it("does not demand runtime secrets during next build", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", SMTP_URL: "", GITHUB_ID: "", GITHUB_SECRET: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });
});

describe("Inngest settings", () => {
  it("dev mode with the local runner's URL", () => {
    expect(parseEnv({ INNGEST_DEV: "http://127.0.0.1:8288" }).inngest).toEqual({
      isDev: true,
      baseUrl: "http://127.0.0.1:8288",
      signingKey: undefined,
      eventKey: undefined,
    });
  });

  it("cloud mode with keys and a self-hosted base URL", () => {
    const env = parseEnv({ INNGEST_BASE_URL: "https://inngest.internal/", INNGEST_SIGNING_KEY: "signkey-prod-ab", INNGEST_EVENT_KEY: "ek" });
    expect(env.inngest).toEqual({ isDev: false, baseUrl: "https://inngest.internal", signingKey: "signkey-prod-ab", eventKey: "ek" });
  });

  it("production needs keys or dev mode", () => {
    const base = { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(32), TOKEN_ENCRYPTION_KEY: "k1:abc" };
    expect(() => parseEnv(base)).toThrow("INNGEST_SIGNING_KEY");
    expect(() => parseEnv({ ...base, INNGEST_DEV: "1" })).not.toThrow();
  });
});

describe(".env.example", () => {
  it("parses as it is, so copying it to .env is a working start", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const text = fs.readFileSync(path.resolve(__dirname, "../.env.example"), "utf8");
    const values = Object.fromEntries(
      text
        .split("\n")
        .filter((line) => /^[A-Z0-9_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    const names = Object.keys(values);
    // Every variable the schema knows is documented there.
    for (const name of Object.keys(envSchema.in.shape)) if (name !== "NODE_ENV" && name !== "NEXT_PHASE") expect(names, name).toContain(name);
    expect(parseEnv(values).APP_URL).toBe("http://127.0.0.1:3000");
  });
});

describe("validateEnvAtBoot", () => {
  const saved = { PORT: process.env.PORT, SMTP_URL: process.env.SMTP_URL };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    reloadEnv();
  });

  it("stops the boot with every problem listed", () => {
    process.env.PORT = "not-a-port";
    process.env.SMTP_URL = "nonsense";
    expect(() => reloadEnv()).toThrow(EnvError);
    const exit = vi.fn();
    const report = vi.fn();
    validateEnvAtBoot({ exit, report });
    expect(exit).toHaveBeenCalledWith(1);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatch(/Ferry cannot start[\s\S]*PORT[\s\S]*SMTP_URL/);
  });

  it("lets a valid environment boot", () => {
    const exit = vi.fn();
    validateEnvAtBoot({ exit, report: vi.fn() });
    expect(exit).not.toHaveBeenCalled();
  });
});
