import { sandboxTokens, scanText } from "./support/secrets-scan";
import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { routeInventory } from "./support/route-inventory";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller } from "./support/sandbox";

// Runs last (file name): with stores connected, every page and every readable API route is fetched as
// the owner and no platform token or app secret the run has used appears in any answer. The database
// and the app's log are scanned for the same secrets when the suite ends (support/global-setup.ts).

test("no token or secret appears in any page or API response", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "secrets", organizationName: "Secrets Co" });
  const page = await pageFor(browser, owner);
  const store = await newShopifyStore();
  const seller = await newTikTokSeller();
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });
  // Tokens in use: health checks and imports call both platforms with them.
  await page.request.post(`/api/orgs/${owner.orgSlug}/health-checks`, { data: {} });

  let tokens: string[] = [];
  await expect(async () => {
    tokens = sandboxTokens(process.env.E2E_SANDBOX_STATE!);
    expect(tokens.length).toBeGreaterThanOrEqual(4);
  }).toPass({ timeout: 20_000 });
  const secrets = [...tokens, process.env.E2E_TIKTOK_APP_SECRET!, process.env.E2E_SHOPIFY_CLIENT_SECRET!];

  const placeholder = "cmwy00000000000000000000z";
  let scanned = 0;
  const findings = [];
  for (const route of routeInventory.filter((r) => r.methods.includes("GET") && r.scope !== "public")) {
    const url = route.path.replace("[org]", owner.orgSlug).replace(/\[[^\]]+\]/g, placeholder);
    const response = await page.request.get(url, { maxRedirects: 0 });
    findings.push(...scanText({ text: `${JSON.stringify(response.headers())}\n${await response.text()}`, where: `GET ${route.path}`, secrets }));
    scanned++;
  }
  expect(scanned).toBeGreaterThan(15);
  expect(findings).toEqual([]);
});
