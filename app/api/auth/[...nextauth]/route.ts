import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { withRequestLog } from "@/lib/request-log";

// next-auth answers these itself (sign-in, callbacks, session, CSRF); the wrapper only adds the log line.
const handler = withRequestLog((request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(authOptions())(request, context) as Promise<Response>,
);

export { handler as GET, handler as POST };
