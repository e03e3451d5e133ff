import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function load(trustProxy?: string) {
  if (trustProxy) vi.stubEnv("TRUST_PROXY", trustProxy);
  return (await import("./client-ip")).clientIp;
}

describe("clientIp", () => {
  it("takes the entry our own server appended, which a client cannot forge", async () => {
    const clientIp = await load();
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
  });

  it("takes the client entry behind a trusted proxy", async () => {
    const clientIp = await load("true");
    expect(clientIp({ "x-forwarded-for": "203.0.113.9, 10.0.0.7" })).toBe("203.0.113.9");
  });

  it("falls back when there is no header", async () => {
    const clientIp = await load();
    expect(clientIp(undefined)).toBe("unknown");
  });
});
