import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// PRODUCT.md step 5 in the browser against the sandbox: map, switch auto-sync on through the overwrite preview,
// confirm, the TikTok listing follows Shopify; then undo the mapping batch and the listing is put back.

interface SandboxListing {
  title: string;
  skus: { price: { sale_price: string } }[];
  underReview: { version: { title: string } } | null;
}

test("overwrite preview → confirm → the TikTok listing follows Shopify; undo puts it back", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "sync", organizationName: "Sync Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();

  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [{ title: "Linen Shirt", descriptionHtml: "<p>Linen, relaxed fit</p>", variants: [{ sku: `LS-${tag}`, price: "40.00", inventoryQuantity: 6 }] }],
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  const { products } = await sandbox<{ products: { id: string }[] }>("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    products: [{ title: "Linen shirt OLD", description: "Old copy", skus: [{ sellerSku: `LS-${tag}`, price: "35.00", quantity: 2 }] }],
  });
  const listing = () => sandbox<SandboxListing>("GET", `/__sandbox/tiktok/shops/${shopId}/products/${products[0]!.id}`);
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  // Map it (auto-sync is off: nothing is written to TikTok).
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  await page.getByRole("dialog", { name: "Bulk auto-map" }).getByRole("button", { name: "Map 1 SKU" }).click();
  await expect(page.getByText(/1 products? mapped, 0 failed/)).toBeVisible({ timeout: 30_000 });
  expect((await listing()).title).toBe("Linen shirt OLD");

  // Switch auto-sync on for the shop: the preview shows TikTok's values beside Shopify's.
  await page.goto(`/${owner.orgSlug}/settings`);
  await page.getByLabel("Settings for").selectOption({ label: `${seller.shops[0]!.name} → ${store.name}` });
  await page.locator("#inherit-product-sync").uncheck();
  await expect(page.getByText("Settings saved.").first()).toBeVisible();
  await page.getByLabel(/^Auto-sync/).check();
  await page.getByRole("button", { name: "Preview and save" }).click();
  const preview = page.getByRole("dialog", { name: "What will be overwritten on TikTok" });
  await expect(preview.getByTestId("preview-count")).toHaveText("1 of 1 products will change on TikTok.", { timeout: 60_000 });
  const row = preview.getByRole("region", { name: "Linen shirt OLD" });
  await expect(row.getByRole("row", { name: /Title/ })).toContainText("Linen shirt OLD");
  await expect(row.getByRole("row", { name: /Title/ })).toContainText("Linen Shirt");
  await expect(row.getByRole("row", { name: /Price/ })).toContainText("35.00 USD");
  await expect(row.getByRole("row", { name: /Price/ })).toContainText("40.00 USD");
  // Nothing is written before the confirmation.
  expect((await listing()).skus[0]!.price.sale_price).toBe("35.00");
  await preview.getByRole("button", { name: "Confirm and save" }).click();
  await expect(page.getByText("Settings saved.").first()).toBeVisible();

  // The sandbox listing changes: price at once, the content once TikTok's review passes.
  await expect(async () => {
    const now = await listing();
    expect(now.skus[0]!.price.sale_price).toBe("40.00");
    expect(now.underReview?.version.title).toBe("Linen Shirt");
  }).toPass({ timeout: 60_000 });
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products/${products[0]!.id}/review`, { approve: true });
  expect((await listing()).title).toBe("Linen Shirt");
  await page.goto(`/${owner.orgSlug}/products?tab=mapped`);
  await expect(page.getByText("Synced", { exact: true })).toBeVisible();

  // Undo the mapping batch from Activity: the mapping goes and the snapshotted listing comes back.
  await page.goto(`/${owner.orgSlug}/activity`);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: 1 mapping removed. 1 TikTok listing is being put back as before.")).toBeVisible();
  await expect(async () => {
    const now = await listing();
    expect(now.skus[0]!.price.sale_price).toBe("35.00");
    expect(now.underReview?.version.title).toBe("Linen shirt OLD");
  }).toPass({ timeout: 60_000 });
});
