import { createAccount, expect, pageFor, test, uniqueEmail } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, sandboxUrl, suffix } from "./support/sandbox";

// Issue 12 in the browser against the sandbox: edit a mapped product's TikTok listing (inline validation first),
// preview, "Save and push", see the sandbox listing change, and the override survive the next Shopify-triggered
// sync. A viewer of the organization sees the page and cannot edit.

interface SandboxListing {
  title: string;
  description: string;
  skus: { price: { sale_price: string } }[];
  main_images: { uri: string }[];
  underReview: { version: { title: string; description: string; main_images: { uri: string }[] } } | null;
}

test("edit, preview, push; the override survives the next Shopify change; a viewer cannot edit", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const owner = await createAccount(request, { label: "edit", organizationName: "Edit Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const image = (name: string) => `${sandboxUrl()}/shopify/cdn/images/800x800/${tag}-${name}.png`;

  const store = await newShopifyStore();
  const created = await sandbox<{ products: { id: string }[] }>("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [{ title: "Wool Scarf", descriptionHtml: "<p>Merino wool</p>", images: [image("front"), image("back")], variants: [{ sku: `WS-${tag}`, price: "30.00", inventoryQuantity: 6 }] }],
  });
  const shopifyProductId = created.products[0]!.id.split("/").pop()!;
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  const { products } = await sandbox<{ products: { id: string }[] }>("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    products: [{ title: "Wool Scarf", description: "<p>Merino wool</p>", skus: [{ sellerSku: `WS-${tag}`, price: "30.00", quantity: 6 }] }],
  });
  const listing = () => sandbox<SandboxListing>("GET", `/__sandbox/tiktok/shops/${shopId}/products/${products[0]!.id}`);
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  // Map it, then switch auto-sync on (confirming the preview), so Shopify changes are followed.
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  await page.getByRole("dialog", { name: "Bulk auto-map" }).getByRole("button", { name: "Map 1 SKU" }).click();
  await expect(page.getByText(/1 products? mapped, 0 failed/)).toBeVisible({ timeout: 30_000 });
  await page.goto(`/${owner.orgSlug}/settings`);
  await page.getByLabel("Settings for").selectOption({ label: `${seller.shops[0]!.name} → ${store.name}` });
  await page.locator("#inherit-product-sync").uncheck();
  await expect(page.getByText("Settings saved.").first()).toBeVisible();
  await page.getByLabel(/^Auto-sync/).check();
  await page.getByRole("button", { name: "Preview and save" }).click();
  const confirm = page.getByRole("dialog", { name: "What will be overwritten on TikTok" });
  await confirm.getByRole("button", { name: "Confirm and save" }).click({ timeout: 60_000 });
  await expect(page.getByText("Settings saved.").first()).toBeVisible();

  // The product page, from the Mapped Products row.
  await page.goto(`/${owner.orgSlug}/products?tab=mapped`);
  await page.getByRole("link", { name: "Wool Scarf" }).click();
  await expect(page.getByTestId("tiktok-title")).toHaveText("Wool Scarf", { timeout: 30_000 });
  const productUrl = page.url();

  // TikTok's limits are checked before saving, inline.
  await page.getByRole("button", { name: "Override for TikTok" }).first().click();
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("x".repeat(256));
  await expect(page.getByText("The title has 256 characters; TikTok takes at most 255.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview" })).toBeDisabled();
  await title.fill("Wool Scarf 🔥");
  await expect(page.getByText("The title cannot contain emoji.")).toBeVisible();
  await title.fill("Merino Wool Scarf - TikTok Exclusive");
  await page.getByLabel(`Price of WS-${tag}`).fill("27.5");
  await page.getByLabel("Use image 2").uncheck();

  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByTestId("edit-preview");
  await expect(preview).toContainText("Title:");
  await expect(preview).toContainText("Merino Wool Scarf - TikTok Exclusive");
  await expect(preview).toContainText("30.00 USD");
  await expect(preview).toContainText("27.50 USD");
  await expect(preview).toContainText("Images:");
  expect((await listing()).skus[0]!.price.sale_price).toBe("30.00"); // nothing written by a preview
  await page.getByRole("button", { name: "Save and push" }).click();
  await expect(page.getByText("Saved and pushed to TikTok.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Override", { exact: true }).first()).toBeVisible();

  // The sandbox listing changed: the price at once, title and images once TikTok's review passes.
  let now = await listing();
  expect(now.skus[0]!.price.sale_price).toBe("27.50");
  expect(now.underReview?.version.title).toBe("Merino Wool Scarf - TikTok Exclusive");
  expect(now.underReview?.version.main_images).toHaveLength(1);
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products/${products[0]!.id}/review`, { approve: true });
  await page.goto(`/${owner.orgSlug}/activity`);
  await expect(page.getByText(/pushed from the product editor/)).toBeVisible();

  // Shopify changes (a products/update webhook): the sync writes the description, the overrides stay.
  await sandbox("PATCH", `/__sandbox/shopify/shops/${store.domain}/products/${shopifyProductId}`, { title: "Wool Scarf v2", descriptionHtml: "<p>Merino wool, now softer</p>", variants: [{ sku: `WS-${tag}`, price: "32.00" }] });
  await expect(async () => {
    now = await listing();
    expect(now.underReview?.version.description).toBe("<p>Merino wool, now softer</p>");
  }).toPass({ timeout: 90_000 });
  expect(now.underReview?.version.title).toBe("Merino Wool Scarf - TikTok Exclusive");
  expect(now.skus[0]!.price.sale_price).toBe("27.50");
  expect(now.underReview?.version.main_images).toHaveLength(1);

  // A viewer sees the page read-only, and the server refuses their edit.
  const viewerEmail = uniqueEmail("edit-viewer");
  const invite = await page.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: viewerEmail, role: "VIEWER" } });
  const token = ((await invite.json()) as { url: string }).url.split("/").pop()!;
  const viewer = await createAccount(request, { label: "edit-viewer", email: viewerEmail, invitationToken: token });
  const viewerPage = await pageFor(browser, { ...viewer, orgSlug: owner.orgSlug });
  await viewerPage.goto(productUrl);
  await expect(viewerPage.getByText("Viewers can see the listing but not edit it.")).toBeVisible({ timeout: 30_000 });
  await expect(viewerPage.getByRole("button", { name: "Save and push" })).toHaveCount(0);
  await expect(viewerPage.getByLabel("Title", { exact: true })).toBeDisabled();
  const productId = productUrl.split("/").pop()!;
  const refused = await viewerPage.request.post(`/api/orgs/${owner.orgSlug}/products/${productId}/edit`, { data: { overrides: { title: "Viewer title" } } });
  expect(refused.status()).toBe(403);
  expect((await listing()).underReview?.version.title).toBe("Merino Wool Scarf - TikTok Exclusive");
});

test("bulk edit: a title prefix on a selection, previewed, then pushed to each listing", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "bulk", organizationName: "Bulk Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const names = ["Linen Shirt", "Linen Trousers"];
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: names.map((title, i) => ({ title, descriptionHtml: "<p>Linen</p>", variants: [{ sku: `BK-${tag}-${i}`, price: "40.00", inventoryQuantity: 3 }] })),
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  const { products } = await sandbox<{ products: { id: string }[] }>("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    products: names.map((title, i) => ({ title, description: "<p>Linen</p>", skus: [{ sellerSku: `BK-${tag}-${i}`, price: "40.00", quantity: 3 }] })),
  });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("2", { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Bulk auto-map" }).click();
  await page.getByRole("dialog", { name: "Bulk auto-map" }).getByRole("button", { name: "Map 2 SKUs" }).click();
  await expect(page.getByText(/2 products? mapped, 0 failed/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole("link", { name: "Bulk edit TikTok listings" }).click();
  for (const name of names) await page.getByLabel(`Select ${name}`).check();
  await page.getByLabel("Title prefix").fill("SUMMER ");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("bulk-preview-row")).toHaveCount(2);
  await expect(page.getByTestId("bulk-preview-row").first()).toContainText("→ SUMMER Linen");
  const listing = (id: string) => sandbox<{ title: string; underReview: { version: { title: string } } | null }>("GET", `/__sandbox/tiktok/shops/${shopId}/products/${id}`);
  expect((await listing(products[0]!.id)).underReview).toBeNull(); // a preview writes nothing
  await page.getByRole("button", { name: "Save and push" }).click();
  await expect(page.getByText("Pushed to 2 of 2 products.")).toBeVisible({ timeout: 30_000 });
  expect((await listing(products[0]!.id)).underReview?.version.title).toBe("SUMMER Linen Shirt");
  expect((await listing(products[1]!.id)).underReview?.version.title).toBe("SUMMER Linen Trousers");
});
