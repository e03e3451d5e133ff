import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { authorizeTikTokInBrowser, connectShopifyInBrowser, connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// Bulk auto-map beyond one review page, and a cross-border seller's global product across markets.

test("Select all maps every proposal, also on review pages never opened", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "select-all", organizationName: "Select All Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const count = 60; // the review shows 50 products a page
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: Array.from({ length: count }, (_, i) => ({ title: `Item ${i}`, descriptionHtml: "<p>Item</p>", variants: [{ sku: `ITEM-${tag}-${i}`, price: "10.00", inventoryQuantity: 1 }] })),
  });
  const seller = await newTikTokSeller();
  await sandbox("POST", `/__sandbox/tiktok/shops/${seller.shops[0]!.shopId}/products`, {
    products: Array.from({ length: count }, (_, i) => ({ title: `Item ${i}`, description: "Item", skus: [{ sellerSku: `ITEM-${tag}-${i}`, price: "10.00", quantity: 1 }] })),
  });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText(String(count), { timeout: 5000 });
  }).toPass({ timeout: 90_000 });

  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  const review = page.getByRole("dialog", { name: "Bulk auto-map" });
  await expect(review.getByText("Page 1")).toBeVisible();
  await expect(review.getByRole("button", { name: "Next" })).toBeEnabled();
  await expect(review.getByRole("button", { name: "Map 50 SKUs" })).toBeVisible();
  await review.getByRole("button", { name: "Select none" }).click();
  await expect(review.getByRole("button", { name: "Map 0 SKUs" })).toBeDisabled();
  await review.getByRole("button", { name: "Select all", exact: true }).click();
  await expect(review.getByTestId("review-checked-count")).toHaveText("50 checked on opened pages, and every proposal on the pages not opened yet");
  // One row unchecked by hand stays out (pages go by product id, so whichever comes first).
  await review.getByRole("checkbox").first().uncheck();
  await expect(review.getByTestId("review-checked-count")).toHaveText("49 checked on opened pages, and every proposal on the pages not opened yet");
  await review.getByRole("button", { name: "Map all proposals" }).click();

  await expect(page.getByText(`${count - 1} products mapped, 0 failed`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("tab", { name: /Mapped Products/ })).toContainText(String(count - 1));
  await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1");
});

test("a global product is one row with its markets, and mapping it in one market maps the other", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "global", organizationName: "Global Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [{ title: "Merino Beanie", descriptionHtml: "<p>Beanie</p>", variants: [{ sku: `BEANIE-${tag}`, price: "19.00", inventoryQuantity: 3 }] }],
  });
  const seller = await newTikTokSeller({ sellerType: "CROSS_BORDER", regions: ["GB", "DE"] });
  await sandbox("POST", "/__sandbox/tiktok/global-products", {
    sellerId: seller.sellerId,
    publishTo: seller.shops.map((s) => s.shopId),
    products: [{ title: "Merino Beanie", skus: [{ sellerSku: `BEANIE-${tag}`, price: "19.00", quantity: 3 }] }],
  });
  await connectShopifyInBrowser(page, owner.orgSlug, store.name);
  await authorizeTikTokInBrowser(page, owner.orgSlug, seller.sellerName);
  const picker = page.getByRole("dialog", { name: "Choose TikTok shops to connect" });
  for (const shop of seller.shops) await picker.getByRole("checkbox", { name: shop.name }).check();
  await picker.getByRole("button", { name: "Connect selected shops" }).click();
  await page.getByText("Connected 2 TikTok shops.").waitFor();

  await page.goto(`/${owner.orgSlug}/products`);
  const markets = page.getByLabel("Markets of Merino Beanie");
  await expect(async () => {
    await page.reload();
    await expect(markets).toContainText("global product · 2 markets", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1");
  for (const shop of seller.shops) await expect(markets).toContainText(`${shop.name}`);

  // Bulk auto-map in the GB shop only.
  await page.getByLabel("TikTok shop").selectOption({ label: seller.shops[0]!.name });
  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  const review = page.getByRole("dialog", { name: "Bulk auto-map" });
  await review.getByRole("button", { name: "Map 1 SKU" }).click();
  await expect(page.getByText("1 product mapped, 0 failed")).toBeVisible({ timeout: 60_000 });

  await page.getByLabel("TikTok shop").selectOption({ label: "All TikTok shops" });
  await page.getByRole("tab", { name: /Mapped Products/ }).click();
  await expect(page.getByLabel("Markets of Merino Beanie")).toContainText(`${seller.shops[0]!.name} (GB): 1 of 1 mapped`);
  await expect(page.getByLabel("Markets of Merino Beanie")).toContainText(`${seller.shops[1]!.name} (DE): 1 of 1 mapped`);
});
