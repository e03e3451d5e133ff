import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// The whole journey of PRODUCT.md steps 2–4 in the browser against the sandbox: connect, import,
// Unmapped Products, Bulk auto-map, review, Map, the notification, Mapped Products, Needs attention.

test("connect, import, Bulk auto-map, review, Map, Mapped Products and Needs attention", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const owner = await createAccount(request, { label: "journey", organizationName: "Journey Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();

  // Catalogs that disagree the way real ones do.
  const store = await newShopifyStore();
  const shopify = await sandbox<{ products: { id: string }[] }>("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [
      { title: "Canvas Tote", descriptionHtml: "<p>Tote</p>", variants: [{ sku: `TOTE-${tag}`, price: "24.00", inventoryQuantity: 5 }] },
      { title: "Wool Beanie", descriptionHtml: "<p>Beanie</p>", variants: [{ sku: `beanie-${tag.toLowerCase()}`, price: "18.00", inventoryQuantity: 3 }] },
      { title: "Enamel Pin", descriptionHtml: "<p>Pin</p>", variants: [{ sku: `PIN-SHOP-${tag}`, barcode: "0123456789012", price: "6.00", inventoryQuantity: 9 }] },
      { title: "Socks A", descriptionHtml: "<p>Socks</p>", variants: [{ sku: `SOCK-${tag}`, price: "9.00", inventoryQuantity: 1 }] },
      { title: "Socks B", descriptionHtml: "<p>Socks</p>", variants: [{ sku: `SOCK-${tag}`, price: "9.00", inventoryQuantity: 1 }] },
    ],
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    products: [
      { title: "Canvas Tote Bag", description: "Tote", skus: [{ sellerSku: `TOTE-${tag}`, price: "24.00", quantity: 5 }] },
      { title: "Beanie", description: "Beanie", skus: [{ sellerSku: ` BEANIE-${tag} `, price: "18.00", quantity: 3 }] },
      { title: "Pin", description: "Pin", skus: [{ sellerSku: `PIN-TT-${tag}`, barcode: "0123456789012", price: "6.00", quantity: 9 }] },
      { title: "Socks", description: "Socks", skus: [{ sellerSku: `SOCK-${tag}`, price: "9.00", quantity: 2 }] },
      { title: "Mystery Box", description: "Only on TikTok", skus: [{ sellerSku: `MYSTERY-${tag}`, price: "30.00", quantity: 1 }] },
    ],
  });

  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  // Connecting starts the imports; the products appear under Unmapped Products, except the socks:
  // their SKU is on two Shopify variants, a conflict that needs attention.
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("4", { timeout: 5000 });
    await expect(page.getByRole("tab", { name: /Needs attention/ })).toContainText("1", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  for (const title of ["Canvas Tote Bag", "Beanie", "Pin", "Mystery Box"]) await expect(page.getByText(title, { exact: true })).toBeVisible();
  await expect(page.getByText(/Last imported/).first()).toBeVisible();
  await page.getByRole("tab", { name: /Needs attention/ }).click();
  await expect(page.getByText("Socks", { exact: true })).toBeVisible();
  await expect(page.getByText(new RegExp(`Conflict: SKU SOCK-${tag}: 2 Shopify variants have the SKU SOCK-${tag}`))).toBeVisible();
  await page.getByRole("tab", { name: /Unmapped Products/ }).click();

  // Review: clean matches (exact, normalized, barcode) are pre-checked; the ambiguous socks are not.
  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  const review = page.getByRole("dialog", { name: "Bulk auto-map" });
  await expect(review.getByRole("checkbox", { name: new RegExp(`Map TOTE-${tag}`) })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: new RegExp(`Map\\s+BEANIE-${tag}`) })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: new RegExp(`Map PIN-TT-${tag}`) })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: new RegExp(`Map SOCK-${tag}`) })).not.toBeChecked();
  await expect(review.getByText(/Same SKU ignoring case and spaces/)).toBeVisible();
  await expect(review.getByText(/Same barcode/)).toBeVisible();
  await review.getByRole("button", { name: "Map 3 SKUs" }).click();

  // The notification in the lower right, then the tabs follow.
  await expect(page.getByText("3 products mapped, 0 failed")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("tab", { name: /Mapped Products/ }).click();
  for (const title of ["Canvas Tote Bag", "Beanie", "Pin"]) await expect(page.getByText(title, { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: /Unmapped Products/ }).click();
  await expect(page.getByText("Mystery Box", { exact: true })).toBeVisible();
  await expect(page.getByText("Canvas Tote Bag", { exact: true })).toHaveCount(0);

  // The ambiguous socks are mapped by hand: search the Shopify store and pick one.
  await page.getByRole("tab", { name: /Needs attention/ }).click();
  await page.getByRole("button", { name: "Map Socks by hand" }).click();
  const manual = page.getByRole("dialog", { name: "Map Socks" });
  await manual.getByRole("button", { name: "Search" }).click();
  await manual.getByRole("button", { name: /^Pick Socks A/ }).click();
  await manual.getByRole("button", { name: "Map", exact: true }).click();
  await expect(page.getByText("Socks: 1 SKU mapped.")).toBeVisible();
  await expect(page.getByRole("tab", { name: /Mapped Products/ })).toContainText("4");

  // The Shopify product behind a mapping is deleted: its mapping is archived and needs attention.
  const toteId = shopify.products[0]!.id.split("/").pop()!;
  await sandbox("DELETE", `/__sandbox/shopify/shops/${store.domain}/products/${toteId}`);
  await expect(async () => {
    await page.reload();
    await page.getByRole("tab", { name: /Needs attention/ }).click();
    await expect(page.getByText("Canvas Tote Bag", { exact: true })).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 30_000 });

  await page.goto(`/${owner.orgSlug}/activity`);
  await expect(page.getByText(/archived because a product or variant was deleted/)).toBeVisible();

  // The Overview now shows the stores and the mapping progress instead of "Connect your Shopify store".
  await page.goto(`/${owner.orgSlug}/overview`);
  await expect(page.getByText(seller.shops[0]!.name)).toBeVisible();
  await expect(page.getByText("Connect your Shopify store")).toHaveCount(0);
  const mappedCount = page.locator("dt", { hasText: /^Mapped$/ }).locator("xpath=following-sibling::dd");
  await expect(mappedCount).toHaveText("3");
  // The archive warning is among the latest problems, beside the chart of failures per day.
  await expect(page.getByText(/archived because a product or variant was deleted/)).toBeVisible();
  await expect(page.getByRole("figure", { name: /Failed automatic actions per day/ })).toBeVisible();

  // Unmap one product, then undo the whole batch from its Activity entry.
  await page.goto(`/${owner.orgSlug}/products`);
  await page.getByRole("tab", { name: /Mapped Products/ }).click();
  await page.getByRole("button", { name: "Unmap Pin" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Unmap" }).click();
  await expect(page.getByText("Pin unmapped (1 SKU).")).toBeVisible();
  await page.goto(`/${owner.orgSlug}/activity`);
  await page.getByRole("button", { name: "Undo" }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(/Undone: \d+ mappings? removed\./)).toBeVisible();
  await page.goto(`/${owner.orgSlug}/products`);
  // The batch's mappings are gone; the socks, mapped by hand later, stay.
  await expect(page.getByRole("tab", { name: /Mapped Products/ })).toContainText("1");
  await expect(page.getByText("Beanie", { exact: true })).toBeVisible();
});
