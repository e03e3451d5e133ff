import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { reloadEnv } from "../env";
import { AppError, errorStatus, type ErrorCode } from "../errors";
import { errorResponse } from "./error-response";

const REQUEST_ID = "req-12345678";
let logged: string[] = [];
const previousLevel = process.env.LOG_LEVEL;

beforeAll(() => {
  process.env.LOG_LEVEL = "info";
  reloadEnv();
});
afterAll(() => {
  process.env.LOG_LEVEL = previousLevel;
  reloadEnv();
});
beforeEach(() => {
  logged = [];
  const capture = (chunk: unknown) => {
    logged.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

async function answer(error: unknown) {
  const response = errorResponse(error, REQUEST_ID);
  return { status: response.status, headers: response.headers, body: (await response.json()) as { error: Record<string, unknown> } };
}

describe("errorResponse", () => {
  it.each(Object.entries(errorStatus) as [ErrorCode, number][])("maps %s to %i with its message", async (code, status) => {
    const { status: actual, body, headers } = await answer(new AppError(code, `message for ${code}`));
    expect(actual).toBe(status);
    expect(body.error).toMatchObject({ code, message: `message for ${code}`, requestId: REQUEST_ID });
    expect(headers.get("x-request-id")).toBe(REQUEST_ID);
  });

  it("says when to retry a rate-limited request", async () => {
    const { status, headers } = await answer(new AppError("RATE_LIMITED", "Slow down.", { retryAfterSeconds: 120 }));
    expect(status).toBe(429);
    expect(headers.get("retry-after")).toBe("120");
  });

  it("turns a zod error into a 400 naming the field path, with every issue in the details", async () => {
    const schema = z.object({ member: z.object({ email: z.email("Enter a valid email address.") }), role: z.enum(["ADMIN", "VIEWER"]) });
    const result = schema.safeParse({ member: { email: "nope" }, role: "OWNER" });
    const { status, body } = await answer(result.error);
    expect(status).toBe(400);
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toBe("member.email: Enter a valid email address.");
    expect(body.error.details).toEqual([
      { path: "member.email", message: "Enter a valid email address." },
      { path: "role", message: expect.any(String) },
    ]);
  });

  it("gives a root-level zod error without a path prefix", async () => {
    const { status, body } = await answer(z.string().safeParse(42).error);
    expect(status).toBe(400);
    expect(body.error.message).not.toMatch(/^: /);
  });

  it.each([
    ["an Error", new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2")],
    ["a thrown string", "SELECT * FROM \"User\" failed"],
    ["a Prisma-like error", Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), { code: "P2002" })],
  ])("answers %s with a generic 500 carrying the reference id, and leaks nothing", async (_, error) => {
    const { status, body } = await answer(error);
    expect(status).toBe(500);
    expect(body.error).toEqual({ code: "INTERNAL", message: `Something went wrong. Reference: ${REQUEST_ID}`, requestId: REQUEST_ID });
    const text = JSON.stringify(body);
    for (const secret of ["ECONNREFUSED", "hunter2", "SELECT", "Unique constraint", "P2002", "stack"]) expect(text).not.toContain(secret);
    // The details go to the server log instead, under the same reference id.
    const line = logged.map((entry) => JSON.parse(entry) as Record<string, unknown>).find((entry) => entry.msg === "unhandled error");
    expect(line).toMatchObject({ level: "error", requestId: REQUEST_ID });
  });
});
