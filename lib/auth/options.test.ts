import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Account, NextAuthOptions, Profile, User } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { parseEnv } from "../env";
import { resetDatabase, testDb } from "../testing/db";
import { buildAuthOptions, oauthProviderIds } from "./options";
import { signUp, signUpSchema } from "./sign-up";
import { verifiedOAuthEmail } from "./verified-oauth-email";

// GitHub's /user/emails, served locally: the token "verified" lists a verified primary address; the
// others list the victim's address as primary but unverified (anyone can add any address to GitHub).
const VICTIM = "owner@example.test";
const emailsByToken: Record<string, unknown> = {
  verified: [
    { email: "old@example.test", primary: false, verified: true },
    { email: "dev@example.test", primary: true, verified: true },
  ],
  unverified: [
    { email: VICTIM, primary: true, verified: false },
    { email: "other@example.test", primary: false, verified: true },
  ],
  garbage: { message: "not a list" },
};
let server: http.Server;
let githubApiUrl: string;
const seenAuthorization: string[] = [];

beforeAll(async () => {
  setDbClient(testDb);
  server = http.createServer((req, res) => {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    seenAuthorization.push(req.headers.authorization ?? "");
    if (req.url !== "/user/emails" || !(token in emailsByToken)) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"message":"Bad credentials"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(emailsByToken[token]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  githubApiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => resetDatabase());

const oauthEnv = parseEnv({ GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret", GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" });

describe("OAuth providers follow the environment", () => {
  it.each([
    [{}, []],
    [{ GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" }, ["github"]],
    [{ GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" }, ["google"]],
    [{ GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret", GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" }, ["github", "google"]],
    [{ GITHUB_ID: "", GITHUB_SECRET: "" }, []],
  ])("%j enables %j", (source, expected) => {
    const e = parseEnv(source);
    expect(buildAuthOptions(e).providers.map((provider) => provider.id)).toEqual(["credentials", ...expected]);
    expect(oauthProviderIds(e)).toEqual(expected);
  });
});

async function signIn(options: NextAuthOptions, provider: string, profile: Record<string, unknown>, accessToken?: string) {
  const user = { id: "provider-side-id", name: "Jane", email: String(profile.email) } as User;
  const account = { provider, type: "oauth", providerAccountId: "1", access_token: accessToken } as Account;
  const result = await options.callbacks!.signIn!({ user, account, profile: profile as Profile });
  return { result, userId: user.id };
}

describe("OAuth sign-in links only a verified email", () => {
  let ownerId: string;
  let options: NextAuthOptions;
  beforeEach(async () => {
    ownerId = (await signUp(signUpSchema.parse({ email: VICTIM, password: "river stone lantern 42", organizationName: "Acme" }))).userId;
    options = buildAuthOptions(oauthEnv, { githubApiUrl });
  });

  it("refuses a Google identity whose email is not verified, and links nothing", async () => {
    const { result, userId } = await signIn(options, "google", { email: VICTIM, email_verified: false });
    expect(result).toEqual(expect.stringContaining("/sign-in?error="));
    expect(decodeURIComponent(String(result))).toContain("Google account has no verified email");
    expect(userId).toBe("provider-side-id");
    expect(await testDb.user.count()).toBe(1);
  });

  it("links a verified Google email to the existing account", async () => {
    const { result, userId } = await signIn(options, "google", { email: VICTIM, email_verified: true });
    expect(result).toBe(true);
    expect(userId).toBe(ownerId);
  });

  it("refuses a GitHub identity whose primary email is unverified, whatever the profile says", async () => {
    const { result, userId } = await signIn(options, "github", { email: VICTIM }, "unverified");
    expect(decodeURIComponent(String(result))).toContain("GitHub account has no verified email");
    expect(userId).toBe("provider-side-id");
    expect(await testDb.user.count()).toBe(1);
  });

  it("creates the account from GitHub's verified primary email, not the profile's public one", async () => {
    const { result, userId } = await signIn(options, "github", { email: VICTIM }, "verified");
    expect(result).toBe(true);
    const created = await testDb.user.findUniqueOrThrow({ where: { id: userId } });
    expect(created.email).toBe("dev@example.test");
    expect(created.passwordHash).toBeNull();
    expect(seenAuthorization).toContain("Bearer verified");
  });

  it("passes a password sign-in straight through", async () => {
    const result = await options.callbacks!.signIn!({ user: { id: ownerId } as User, account: { provider: "credentials", type: "credentials", providerAccountId: ownerId } });
    expect(result).toBe(true);
  });

  it("keeps only the user id in the token and the session", async () => {
    const token = await options.callbacks!.jwt!({ token: { sub: undefined, email: VICTIM, name: "Jane" }, user: { id: ownerId, email: VICTIM } as User, account: null });
    expect(token).toEqual({ sub: ownerId });
    const session = await options.callbacks!.session!({
      session: { expires: "2099-01-01T00:00:00.000Z", user: { email: VICTIM, name: "Jane" } },
      token: { sub: ownerId, email: VICTIM },
    } as Parameters<NonNullable<NonNullable<NextAuthOptions["callbacks"]>["session"]>>[0]);
    expect(session).toEqual({ expires: "2099-01-01T00:00:00.000Z", user: { id: ownerId } });
  });
});

describe("verifiedOAuthEmail", () => {
  it.each([
    ["google", { email: "a@example.test", email_verified: true }, undefined, "a@example.test"],
    ["google", { email: "a@example.test", email_verified: "true" }, undefined, "a@example.test"],
    ["google", { email: "a@example.test", email_verified: "false" }, undefined, null],
    ["google", { email: "a@example.test" }, undefined, null],
    ["github", { email: "a@example.test" }, undefined, null],
    ["github", { email: "a@example.test" }, "revoked", null],
    ["github", { email: "a@example.test" }, "garbage", null],
    ["gitlab", { email: "a@example.test", email_verified: true }, "verified", null],
  ])("%s %j (token %s) → %s", async (provider, profile, accessToken, expected) => {
    expect(await verifiedOAuthEmail({ provider, profile, accessToken, githubApiUrl })).toBe(expected);
  });

  it("treats an unreachable GitHub as no verified email", async () => {
    expect(await verifiedOAuthEmail({ provider: "github", profile: {}, accessToken: "verified", githubApiUrl: "http://127.0.0.1:1" })).toBeNull();
  });
});
