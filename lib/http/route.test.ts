import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as getInvitationRoute } from "../../app/api/invitations/[token]/route";
import { POST as acceptInvitationRoute } from "../../app/api/invitations/[token]/accept/route";
import { setDbClient } from "../db";
import { reloadEnv } from "../env";
import { resetDatabase, testDb } from "../testing/db";
import { newInvitationToken } from "../team/invitation-token";
import { withRequestLog } from "../request-log";
import { loggedPath, withPublic } from "./route";

// The request line is the one log line every route writes; it must never carry a credential.
let lines: string[] = [];
const previousLevel = process.env.LOG_LEVEL;

beforeAll(() => {
  setDbClient(testDb);
  process.env.LOG_LEVEL = "info";
  reloadEnv();
});
afterAll(() => {
  process.env.LOG_LEVEL = previousLevel;
  reloadEnv();
});
beforeEach(async () => {
  await resetDatabase();
  lines = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

function requestLine(): Record<string, unknown> {
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === "request");
  expect(parsed).toHaveLength(1);
  return parsed[0]!;
}

const call = (method: string, path: string, params: Record<string, string>) =>
  [new NextRequest(`http://127.0.0.1:3000${path}`, { method }), { params: Promise.resolve(params) }] as const;

describe("the request log line", () => {
  it("masks the invitation token on the look-up and the accept routes", async () => {
    const { token } = newInvitationToken();
    const lookup = await getInvitationRoute(...call("GET", `/api/invitations/${token}`, { token }));
    expect(lookup.status).toBe(404);
    expect(requestLine()).toMatchObject({ path: "/api/invitations/[redacted]", status: 404 });

    lines = [];
    const accept = await acceptInvitationRoute(...call("POST", `/api/invitations/${token}/accept`, { token }));
    expect(accept.status).toBeGreaterThanOrEqual(400);
    expect(requestLine()).toMatchObject({ path: "/api/invitations/[redacted]/accept", method: "POST" });
    expect(lines.join("")).not.toContain(token);
  });

  it("keeps ordinary segments, so the line still says which record was asked for", async () => {
    const route = withPublic(async () => ({ ok: true }));
    await route(...call("GET", "/api/orgs/acme/members/m_123", { org: "acme", memberId: "m_123" }));
    expect(requestLine()).toMatchObject({ path: "/api/orgs/acme/members/m_123", status: 200 });
  });

  it("masks the token when the handler fails unexpectedly too", async () => {
    const route = withPublic(async () => {
      throw new Error("boom");
    });
    const { token } = newInvitationToken();
    const response = await route(...call("GET", `/api/invitations/${token}`, { token }));
    expect(response.status).toBe(500);
    expect(lines.join("")).not.toContain(token);
  });
});

describe("withRequestLog (next-auth's own route)", () => {
  it("passes the library's answer through untouched and logs one line", async () => {
    const route = withRequestLog(async () => Response.redirect("http://127.0.0.1:3000/sign-in?error=x", 302));
    const response = await route(new NextRequest("http://127.0.0.1:3000/api/auth/callback/credentials", { method: "POST", headers: { "x-request-id": "next-auth-req-1" } }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3000/sign-in?error=x");
    expect(requestLine()).toMatchObject({ requestId: "next-auth-req-1", method: "POST", path: "/api/auth/callback/credentials", status: 302 });
  });

  it("logs a failure and lets the library's error through", async () => {
    const route = withRequestLog(async () => {
      throw new Error("adapter down");
    });
    await expect(route(new NextRequest("http://127.0.0.1:3000/api/auth/session"))).rejects.toThrow("adapter down");
    expect(requestLine()).toMatchObject({ level: "error", path: "/api/auth/session", status: 500 });
  });
});

describe("loggedPath", () => {
  it.each([
    ["/api/invitations/abc/accept", { token: "abc" }, "/api/invitations/[redacted]/accept"],
    ["/api/x/a%20b", { secret: "a b" }, "/api/x/[redacted]"],
    ["/api/x/a/b", { apiKey: ["a", "b"] }, "/api/x/[redacted]/[redacted]"],
    ["/api/orgs/acme", { org: "acme" }, "/api/orgs/acme"],
    ["/api/x/%E0%A4%A", { token: "zzz" }, "/api/x/%E0%A4%A"],
  ])("%s with %j → %s", (pathname, params, expected) => {
    expect(loggedPath(pathname, params)).toBe(expected);
  });
});
