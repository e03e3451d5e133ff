import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";

// The platform sandbox the e2e app talks to (started by global-setup.ts), driven through its control API.

export function sandboxUrl(): string {
  const url = process.env.E2E_SANDBOX_URL;
  if (!url) throw new Error("E2E_SANDBOX_URL is not set: run the browser tests through `npm run test:e2e`.");
  return url;
}

export async function sandbox<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandboxUrl()}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox ${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

export const suffix = () => randomBytes(3).toString("hex");

export async function newShopifyStore(): Promise<{ name: string; domain: string }> {
  const name = `e2e-${suffix()}`;
  await sandbox("POST", "/__sandbox/shopify/shops", { domain: `${name}.myshopify.com` });
  return { name, domain: `${name}.myshopify.com` };
}

export async function newTikTokSeller(options: { regions?: string[]; sellerType?: "LOCAL" | "CROSS_BORDER" } = {}) {
  const sellerId = `seller-${suffix()}`;
  const sellerName = `Seller ${sellerId}`;
  const shops: { shopId: string; name: string }[] = [];
  for (const region of options.regions ?? ["US"]) {
    const name = `Shop ${region} ${suffix()}`;
    const { shopId } = await sandbox<{ shopId: string }>("POST", "/__sandbox/tiktok/shops", {
      name,
      region,
      sellerType: options.sellerType ?? "LOCAL",
      sellerId,
      sellerName,
    });
    shops.push({ shopId, name });
  }
  return { sellerId, sellerName, shops };
}

/** "Connect Shopify" through the dialog and Shopify's install page, back on Connections. */
export async function connectShopifyInBrowser(page: Page, orgSlug: string, storeName: string): Promise<void> {
  await page.goto(`/${orgSlug}/connections`);
  await page.getByRole("button", { name: "Connect Shopify" }).first().click();
  await page.getByLabel("Shop domain").fill(storeName);
  await page.getByRole("button", { name: "Continue to Shopify" }).click();
  // Wait for each side of the round trip, so no click lands on the page being left.
  await page.waitForURL(/\/admin\/oauth\/authorize/);
  await page.getByRole("button", { name: "Install app" }).click();
  await page.waitForURL(new RegExp(`/${orgSlug}/connections`));
}

/** "Connect TikTok Shop" through TikTok's seller authorization page, back on the shop picker. */
export async function authorizeTikTokInBrowser(page: Page, orgSlug: string, sellerName: string, action: "Authorize" | "Cancel" = "Authorize") {
  await page.goto(`/${orgSlug}/connections`);
  await page.getByRole("button", { name: "Connect TikTok Shop" }).click();
  // Wait for each side of the round trip, so no click lands on the page being left.
  await page.waitForURL(/\/tiktok\/oauth\/authorize/);
  if (action === "Authorize") await page.getByLabel(new RegExp(sellerName)).check();
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.waitForURL(new RegExp(`/${orgSlug}/connections`));
}

/** Both stores connected through their consent pages, the seller's first shop paired with the store. */
export async function connectStoresInBrowser(page: Page, { orgSlug, storeName, seller }: { orgSlug: string; storeName: string; seller: { sellerName: string; shops: { name: string }[] } }) {
  await connectShopifyInBrowser(page, orgSlug, storeName);
  await authorizeTikTokInBrowser(page, orgSlug, seller.sellerName);
  const picker = page.getByRole("dialog", { name: "Choose TikTok shops to connect" });
  await picker.getByRole("checkbox", { name: seller.shops[0]!.name }).check();
  await picker.getByRole("button", { name: "Connect selected shops" }).click();
  await page.getByText("Connected 1 TikTok shop.").waitFor();
}
