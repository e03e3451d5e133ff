import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// Settings → "Auto-map new products" for one shop; new TikTok products arrive by webhook: the one with
// a Shopify variant of the same SKU is mapped, the other waits under Needs attention with the reason,
// and the bell says so.

test("Auto-map new products maps what arrives by exact SKU and sends the rest to Needs attention", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(request, { label: "automap", organizationName: "Automap Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [
      { title: "Old Tee", descriptionHtml: "", variants: [{ sku: `OLD-${tag}`, price: "10.00", inventoryQuantity: 1 }] },
      { title: "Rain Jacket", descriptionHtml: "", variants: [{ sku: `JACKET-${tag}`, price: "80.00", inventoryQuantity: 2 }] },
    ],
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, { products: [{ title: "Old Tee", description: "", skus: [{ sellerSku: `OLD-${tag}`, price: "10.00", quantity: 1 }] }] });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });

  // Switch it on for this shop only.
  await page.goto(`/${owner.orgSlug}/settings`);
  await page.getByLabel("Settings for").selectOption({ label: `${seller.shops[0]!.name} → ${store.name}` });
  await page.locator("#inherit-mapping").uncheck();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.getByLabel(/Auto-map new products/).check();
  await page.locator("form", { has: page.getByLabel(/Auto-map new products/) }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Settings saved.").first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await page.getByLabel("Settings for").selectOption({ label: `${seller.shops[0]!.name} → ${store.name}` });
    await expect(page.getByLabel(/Auto-map new products/)).toBeChecked({ timeout: 5000 });
  }).toPass({ timeout: 10_000 });

  // Two new listings, announced by TikTok's PRODUCT_CREATION webhooks.
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    emitWebhooks: true,
    products: [
      { title: "Rain Jacket", description: "", skus: [{ sellerSku: `JACKET-${tag}`, price: "80.00", quantity: 2 }] },
      { title: "Mystery Gift", description: "", skus: [{ sellerSku: `GIFT-${tag}`, price: "15.00", quantity: 3 }] },
    ],
  });
  await page.goto(`/${owner.orgSlug}/products?tab=attention`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Auto-map: SKU GIFT-${tag}: no Shopify variant has this SKU.`)).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 45_000 });
  await page.getByRole("tab", { name: /Mapped Products/ }).click();
  await expect(page.getByText("Rain Jacket", { exact: true })).toBeVisible();
  // The product from the first import is not new: it stays for Bulk auto-map and its review.
  await page.getByRole("tab", { name: /Unmapped Products/ }).click();
  await expect(page.getByText("Old Tee", { exact: true })).toBeVisible();

  // The bell counts it; opening and closing it marks it read.
  const bell = page.getByRole("button", { name: /Notifications, 1 unread/ });
  await expect(bell).toBeVisible({ timeout: 35_000 });
  await bell.click();
  await expect(page.getByRole("dialog", { name: "Notifications" }).getByText("1 new product could not be mapped automatically")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});
