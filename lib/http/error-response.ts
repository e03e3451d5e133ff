import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError } from "../errors";
import { log } from "../log";

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

/** The one place where errors become HTTP answers. Unexpected errors never leak their message. */
export function errorResponse(error: unknown, requestId: string): NextResponse<ErrorBody> {
  const appError = toAppError(error);
  if (!appError) {
    log.error("unhandled error", { requestId, error });
    return NextResponse.json(
      { error: { code: "INTERNAL", message: `Something went wrong. Reference: ${requestId}`, requestId } },
      { status: 500, headers: { "x-request-id": requestId } },
    );
  }
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (appError.retryAfterSeconds) headers["retry-after"] = String(appError.retryAfterSeconds);
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message, requestId, details: appError.details } },
    { status: appError.status, headers },
  );
}

function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    const first = error.issues[0];
    const message = first ? `${first.path.length ? first.path.join(".") + ": " : ""}${first.message}` : "Invalid input.";
    return new AppError("BAD_REQUEST", message, {
      details: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return null;
}
