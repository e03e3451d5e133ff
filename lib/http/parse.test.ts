import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { errorResponse } from "./error-response";
import { MAX_BODY_BYTES, parseJsonBody, parseParams } from "./parse";

const schema = z.object({ name: z.string().min(2, "Use at least 2 characters."), role: z.enum(["ADMIN", "VIEWER"]) }).strict();

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://127.0.0.1/api/x", { method: "POST", body, headers });

/** What a route answers when parsing throws: the error goes through the one HTTP mapping. */
async function answerFor(request: Request) {
  try {
    await parseJsonBody(request, schema);
  } catch (error) {
    const response = errorResponse(error, "req-parse-test");
    return { status: response.status, error: ((await response.json()) as { error: { code: string; message: string } }).error };
  }
  throw new Error("expected parseJsonBody to throw");
}

describe("parseJsonBody", () => {
  it("returns the parsed body (content type parameters allowed)", async () => {
    const body = JSON.stringify({ name: "Acme", role: "ADMIN" });
    await expect(parseJsonBody(post(body, { "content-type": "Application/JSON; charset=utf-8" }), schema)).resolves.toEqual({ name: "Acme", role: "ADMIN" });
  });

  it.each([
    ["malformed JSON", post("{ name: 'Acme' "), 400, "BAD_REQUEST", "The request body is not valid JSON."],
    ["an empty body", post(null), 400, "BAD_REQUEST", "The request body is not valid JSON."],
    ["a field that fails the schema", post(JSON.stringify({ name: "A", role: "ADMIN" })), 400, "BAD_REQUEST", "name: Use at least 2 characters."],
    ["an unknown field", post(JSON.stringify({ name: "Acme", role: "ADMIN", organizationId: "other" })), 400, "BAD_REQUEST", "Unrecognized key"],
    ["a wrong type at the root", post("[1,2]"), 400, "BAD_REQUEST", "expected object"],
    ["form data", post("name=Acme", { "content-type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"],
    ["no content type", post("{}", {}), 415, "UNSUPPORTED_MEDIA_TYPE", "application/json"],
    ["a declared length over the limit", post("{}", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) }), 413, "PAYLOAD_TOO_LARGE", "too large"],
    ["a body over the limit", post(JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES), role: "ADMIN" })), 413, "PAYLOAD_TOO_LARGE", "too large"],
    // Counted in bytes, not characters: 400,000 three-byte characters are 1.2 MB.
    ["a multibyte body over the byte limit", post(JSON.stringify({ name: "€".repeat(400_000), role: "ADMIN" })), 413, "PAYLOAD_TOO_LARGE", "too large"],
  ])("refuses %s with %i", async (_, request, status, code, message) => {
    const answer = await answerFor(request);
    expect(answer.status).toBe(status);
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toContain(message);
  });

  it("accepts a body just under the limit", async () => {
    const name = "x".repeat(MAX_BODY_BYTES - 40);
    await expect(parseJsonBody(post(JSON.stringify({ name, role: "VIEWER" })), schema)).resolves.toMatchObject({ role: "VIEWER" });
  });
});

describe("parseParams", () => {
  it("turns a malformed id into a 404, not a 400 (another tenant's ids are not found either)", () => {
    const params = z.object({ connectionId: z.string().regex(/^c[a-z0-9]{20,}$/) });
    for (const connectionId of ["../../etc", "x", ""]) {
      let caught: unknown;
      try {
        parseParams({ connectionId }, params);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect(caught).toMatchObject({ code: "NOT_FOUND", status: 404 });
    }
    expect(parseParams({ connectionId: "c1234567890abcdefghijk" }, params)).toEqual({ connectionId: "c1234567890abcdefghijk" });
  });
});
