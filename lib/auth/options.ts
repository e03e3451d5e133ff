import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "../env";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { authenticateWithPassword } from "./credentials";
import { findOrCreateOAuthUser } from "./oauth-user";

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          const user = await authenticateWithPassword(credentials, clientIp(req?.headers));
          return { id: user.id };
        } catch (error) {
          // next-auth passes this message to the sign-in form as `error`.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  // OAuth sign-in only where its env is set.
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

export function oauthProviderIds(): string[] {
  const e = env();
  return [e.GITHUB_ID ? "github" : null, e.GOOGLE_CLIENT_ID ? "google" : null].filter((id): id is string => id !== null);
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        // OAuth: link to (or create) the user with the provider's verified email.
        const email = (profile as { email?: string; email_verified?: boolean } | undefined)?.email ?? user.email;
        if (!email) return "/sign-in?error=" + encodeURIComponent("Your account has no email address.");
        const found = await findOrCreateOAuthUser({ email, name: user.name ?? undefined });
        user.id = found.id;
        return true;
      },
      // The token holds only the user id: membership and role are read from the database per request.
      async jwt({ token, user }) {
        return { sub: user?.id ?? token.sub };
      },
      async session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub } } as typeof session;
      },
    },
  };
  return cached;
}
