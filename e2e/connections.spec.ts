import { createHmac } from "node:crypto";
import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { authorizeTikTokInBrowser, connectShopifyInBrowser, newShopifyStore, newTikTokSeller, sandbox } from "./support/sandbox";

// Both connection flows in the browser against the sandbox's consent pages, the Connections page's
// health, and webhooks from the sandbox reaching the app's real routes.

test("connects a Shopify store and TikTok shops through the platforms' consent pages", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "conn", organizationName: "Conn Co" });
  const page = await pageFor(browser, owner);
  await page.goto(`/${owner.orgSlug}/connections`);
  await expect(page.getByRole("button", { name: "Connect TikTok Shop" })).toBeDisabled();

  // A bad domain is refused before anything happens.
  await page.getByRole("button", { name: "Connect Shopify" }).first().click();
  await page.getByLabel("Shop domain").fill("evil.com");
  await page.getByRole("button", { name: "Continue to Shopify" }).click();
  await expect(page.getByRole("dialog").getByText(/myshopify\.com/).first()).toBeVisible();
  await page.keyboard.press("Escape");

  const store = await newShopifyStore();
  await connectShopifyInBrowser(page, owner.orgSlug, store.name);
  await expect(page.getByText("Shopify store connected.")).toBeVisible();
  const shopifyCard = page.getByRole("article", { name: store.name });
  await expect(shopifyCard).toContainText("Connected");
  // The background job subscribes the webhooks; the card says so once it has.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("article", { name: store.name })).toContainText("Webhooks active", { timeout: 5000 });
  }).toPass({ timeout: 20_000 });
  // Subscribing them was a successful call to Shopify.
  await expect(page.getByRole("article", { name: store.name })).toContainText(/Last successful call\s*(just now|\d+ minutes? ago)/);

  const seller = await newTikTokSeller({ regions: ["GB", "DE"], sellerType: "CROSS_BORDER" });
  await authorizeTikTokInBrowser(page, owner.orgSlug, seller.sellerName);
  const picker = page.getByRole("dialog", { name: "Choose TikTok shops to connect" });
  await expect(picker).toBeVisible();
  await picker.getByRole("checkbox", { name: seller.shops[0]!.name }).check();
  await picker.getByRole("button", { name: "Connect selected shops" }).click();
  await expect(page.getByText("Connected 1 TikTok shop.")).toBeVisible();
  const tiktokCard = page.getByRole("article", { name: seller.shops[0]!.name });
  await expect(tiktokCard).toContainText("Cross-border");
  await expect(tiktokCard.getByLabel("Paired with")).toHaveValue(/.+/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("article", { name: seller.shops[0]!.name })).toContainText("Webhooks active", { timeout: 5000 });
  }).toPass({ timeout: 20_000 });

  // Activity tells the story.
  await page.goto(`/${owner.orgSlug}/activity`);
  await expect(page.getByText(`${seller.shops[0]!.name} (TikTok Shop) connected`)).toBeVisible();
});

test("a seller who cancels on TikTok comes back with the reason and nothing connected", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "cancel", organizationName: "Cancel Co" });
  const page = await pageFor(browser, owner);
  const store = await newShopifyStore();
  await connectShopifyInBrowser(page, owner.orgSlug, store.name);
  const seller = await newTikTokSeller();
  await authorizeTikTokInBrowser(page, owner.orgSlug, seller.sellerName, "Cancel");
  await expect(page.getByText("Authorization was cancelled on TikTok Shop. Nothing was connected.")).toBeVisible();
  const list = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/connections`)).json()) as { tiktok: unknown[] };
  expect(list.tiktok).toHaveLength(0);
});

test("Shopify's app/uninstalled webhook stops the store; a forged webhook changes nothing", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "uninst", organizationName: "Uninstall Co" });
  const page = await pageFor(browser, owner);
  const store = await newShopifyStore();
  await connectShopifyInBrowser(page, owner.orgSlug, store.name);
  await expect(page.getByText("Shopify store connected.")).toBeVisible();

  // Forged: signed with the wrong secret.
  const body = JSON.stringify({ id: 1, domain: store.domain });
  const forged = await request.post("/api/webhooks/shopify", {
    data: body,
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": createHmac("sha256", "not-the-secret").update(body).digest("base64"),
      "x-shopify-topic": "app/uninstalled",
      "x-shopify-shop-domain": store.domain,
      "x-shopify-webhook-id": "forged-1",
      "x-shopify-api-version": "2026-10",
      "x-shopify-triggered-at": new Date().toISOString(),
    },
  });
  expect(forged.status()).toBe(401);
  const forgedTikTok = await request.post("/api/webhooks/tiktok", { data: { type: 6, tts_notification_id: "x", shop_id: "1", timestamp: 1, data: {} }, headers: { authorization: "0".repeat(64) } });
  expect(forgedTikTok.status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("article", { name: store.name })).toContainText("Connected");

  // Genuine: the sandbox uninstalls the app and sends the signed webhook to the app (to the
  // subscription, so only once the job has made it).
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("article", { name: store.name })).toContainText("Webhooks active", { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/uninstall`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("article", { name: store.name })).toContainText("Uninstalled", { timeout: 5000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("article", { name: store.name }).getByRole("button", { name: "Re-authorize" })).toBeVisible();
  // The header's bell says so too, with a link to Connections.
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("dialog", { name: "Notifications" }).getByText(`${store.name} stopped syncing`)).toBeVisible();
});

test("viewers see connections but get no controls, and the server refuses their writes", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "conn-viewer", organizationName: "Viewer Conn Co" });
  const ownerPage = await pageFor(browser, owner);
  const store = await newShopifyStore();
  await connectShopifyInBrowser(ownerPage, owner.orgSlug, store.name);
  const invite = (await (await ownerPage.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: `v-${owner.email}`, role: "VIEWER" } })).json()) as { url: string };
  const viewer = await createAccount(request, { label: "v", email: `v-${owner.email}`, invitationToken: invite.url.split("/").pop()! });
  const viewerPage = await pageFor(browser, { ...viewer, orgSlug: owner.orgSlug });
  await viewerPage.goto(`/${owner.orgSlug}/connections`);
  await expect(viewerPage.getByRole("article", { name: store.name })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Connect Shopify" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Disconnect/ })).toHaveCount(0);
  const list = (await (await viewerPage.request.get(`/api/orgs/${owner.orgSlug}/connections`)).json()) as { shopify: { id: string }[] };
  const id = list.shopify[0]!.id;
  for (const response of await Promise.all([
    viewerPage.request.post(`/api/orgs/${owner.orgSlug}/connections/shopify`, { data: { shop: "x" } }),
    viewerPage.request.post(`/api/orgs/${owner.orgSlug}/connections/${id}/disconnect`),
    viewerPage.request.post(`/api/orgs/${owner.orgSlug}/connections/${id}/check`),
  ])) {
    expect(response.status()).toBe(403);
  }
  expect(JSON.stringify(list)).not.toMatch(/accessToken|refreshToken|v1\.[\w-]+\./);
});
