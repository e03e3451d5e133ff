import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env, type Env } from "../env";
import { isAppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { authenticateWithPassword } from "./credentials";
import { findOrCreateOAuthUser } from "./oauth-user";
import { GITHUB_API_URL, oauthProviderName, verifiedOAuthEmail } from "./verified-oauth-email";

function providers(e: Env): Provider[] {
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
  // OAuth sign-in only where its env is set (lib/env.ts refuses half-set pairs).
  if (e.GITHUB_ID && e.GITHUB_SECRET) list.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

/** The OAuth providers the sign-in page offers: exactly those `providers()` enables. */
export function oauthProviderIds(e: Env = env()): string[] {
  return providers(e)
    .map((provider) => provider.id)
    .filter((id) => id !== "credentials");
}

export interface BuildAuthOptions {
  /** GitHub's REST API base, for the verified-email look-up (a local server in tests). */
  githubApiUrl?: string;
}

const refuse = (message: string) => "/sign-in?error=" + encodeURIComponent(message);

/** next-auth's options for this environment. The app uses `authOptions()`; tests build their own. */
export function buildAuthOptions(e: Env, { githubApiUrl = GITHUB_API_URL }: BuildAuthOptions = {}): NextAuthOptions {
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(e),
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === "credentials") return true;
        // OAuth: link to (or create) the user with the provider's verified email, never an unverified one.
        const email = await verifiedOAuthEmail({ provider: account.provider, profile, accessToken: account.access_token, githubApiUrl });
        if (!email) {
          return refuse(`Your ${oauthProviderName(account.provider)} account has no verified email address. Verify one there, or sign in with your password.`);
        }
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
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= buildAuthOptions(env());
  return cached;
}
