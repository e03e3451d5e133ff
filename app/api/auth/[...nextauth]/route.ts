import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withRequestLog } from "@/lib/request-log";

function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(authOptions())(request, context);
}

const logged = withRequestLog(handler);

export { logged as GET, logged as POST };
