import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "./log";
import { withRequestLog } from "./request-log";

afterEach(() => vi.restoreAllMocks());

const requestLines = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([msg]) => msg === "request").map(([, fields]) => fields as Record<string, unknown>);

describe("withRequestLog", () => {
  it("writes one request line with the path only, never the query", async () => {
    const info = vi.spyOn(log, "info");
    const handler = withRequestLog(async () => new Response("ok", { status: 201 }));
    await handler(new Request("http://127.0.0.1/api/auth/callback/github?code=secret-code&state=s1", { headers: { "x-request-id": "req-12345678" } }));
    expect(requestLines(info)).toEqual([{ requestId: "req-12345678", method: "GET", path: "/api/auth/callback/github", status: 201, ms: expect.any(Number) }]);
    expect(JSON.stringify(info.mock.calls)).not.toContain("secret-code");
  });

  it("logs a handler that throws as a 500 and rethrows", async () => {
    const error = vi.spyOn(log, "error");
    const handler = withRequestLog(async () => { throw new Error("down"); });
    await expect(handler(new Request("http://127.0.0.1/api/inngest", { method: "PUT" }))).rejects.toThrow("down");
    expect(requestLines(error)).toEqual([expect.objectContaining({ method: "PUT", path: "/api/inngest", status: 500 })]);
  });
});

// The next-auth route wraps its handler the same way; it needs Next's request scope (cookies), so
// it is exercised by the browser tests rather than here.
describe("routes served by libraries", () => {
  it("the Inngest route writes a request line naming the function and step", async () => {
    const info = vi.spyOn(log, "info");
    const { POST } = await import("@/app/api/inngest/route");
    // An invoke for a function the app does not serve: the SDK answers an error; the line is written anyway.
    const response = await POST(new NextRequest("http://127.0.0.1:3999/api/inngest?fnId=ferry-nope&stepId=step", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }), undefined);
    expect(requestLines(info)).toEqual([expect.objectContaining({ method: "POST", path: "/api/inngest", fnId: "ferry-nope", stepId: "step", status: response.status })]);
  });
});
