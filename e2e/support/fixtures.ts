import { randomBytes } from "node:crypto";
import { test as base, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "river stone lantern 42";

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

export interface Account {
  email: string;
  password: string;
  orgSlug: string;
}

/** Creates an account (with its own organization, or joining through an invitation) over the API. */
export async function createAccount(
  request: APIRequestContext,
  options: { label: string; organizationName?: string; invitationToken?: string; email?: string },
): Promise<Account> {
  const email = options.email ?? uniqueEmail(options.label);
  const response = await request.post("/api/sign-up", {
    data: { email, password: PASSWORD, organizationName: options.organizationName, invitationToken: options.invitationToken },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { organizationSlug } = (await response.json()) as { organizationSlug: string };
  return { email, password: PASSWORD, orgSlug: organizationSlug };
}

/** Signs in through next-auth's credentials endpoint; the cookie lands in the request context (and its page). */
export async function signInApi(request: APIRequestContext, account: { email: string; password: string }): Promise<void> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  expect(session.user?.id, `sign-in as ${account.email} failed`).toBeTruthy();
}

/** A new browser context signed in as the account. */
export async function pageFor(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInApi(page.request, account);
  return page;
}

export const test = base.extend({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests through `npm run test:e2e`.");
    await provide(url);
  },
});

export { expect };
