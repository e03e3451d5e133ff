import { z } from "zod";

// An OAuth sign-in links to (or creates) the Ferry account with the same email, so the email must be
// one the provider has verified: otherwise anyone could add a victim's address, unverified, to their
// own GitHub or Google account and take over the victim's password account.

export const GITHUB_API_URL = "https://api.github.com";

const googleProfileSchema = z.object({
  email: z.string(),
  // An OpenID Connect claim; Google sends a boolean (older tokens a string).
  email_verified: z.union([z.boolean(), z.literal("true"), z.literal("false")]),
});

const githubEmailsSchema = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

export interface VerifiedOAuthEmailOptions {
  provider: string;
  profile: unknown;
  accessToken?: string;
  /** GitHub's REST API base (a local server in tests). */
  githubApiUrl?: string;
}

/** The provider's verified email for this sign-in, or null when it has none (or we cannot tell). */
export async function verifiedOAuthEmail({ provider, profile, accessToken, githubApiUrl = GITHUB_API_URL }: VerifiedOAuthEmailOptions): Promise<string | null> {
  if (provider === "google") {
    const parsed = googleProfileSchema.safeParse(profile);
    if (!parsed.success) return null;
    return parsed.data.email_verified === true || parsed.data.email_verified === "true" ? parsed.data.email : null;
  }
  if (provider === "github") {
    // The profile's `email` is the public one (or, from next-auth, the first listed): neither says
    // whether it is verified. The emails endpoint does (scope user:email, which the provider asks for).
    if (!accessToken) return null;
    const response = await fetch(`${githubApiUrl}/user/emails`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "Ferry" },
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null);
    if (!response?.ok) return null;
    const parsed = githubEmailsSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return null;
    return parsed.data.find((entry) => entry.primary && entry.verified)?.email ?? null;
  }
  return null;
}

export function oauthProviderName(provider: string): string {
  return provider === "github" ? "GitHub" : provider === "google" ? "Google" : provider;
}
