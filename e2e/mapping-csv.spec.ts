import fs from "node:fs/promises";
import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// Export the mappings as CSV, then import a CSV: the dry run lists row errors and writes nothing;
// a corrected file imports and the products move to Mapped Products.

test("export mappings as CSV and import a CSV with a dry run", async ({ browser, request }, testInfo) => {
  test.setTimeout(120_000);
  const owner = await createAccount(request, { label: "csv", organizationName: "Csv Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [
      { title: "Linen Shirt", descriptionHtml: "", variants: [{ sku: `SHIRT-${tag}`, price: "40.00", inventoryQuantity: 4 }] },
      { title: "Straw Hat", descriptionHtml: "", variants: [{ sku: `HAT-SHOP-${tag}`, price: "22.00", inventoryQuantity: 2 }] },
    ],
  });
  const seller = await newTikTokSeller();
  await sandbox("POST", `/__sandbox/tiktok/shops/${seller.shops[0]!.shopId}/products`, {
    products: [
      { title: "Shirt", description: "", skus: [{ sellerSku: `SHIRT-${tag}`, price: "40.00", quantity: 4 }] },
      { title: "Hat", description: "", skus: [{ sellerSku: `HAT-TT-${tag}`, price: "22.00", quantity: 2 }] },
    ],
  });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("2", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });

  // A file with a bad row: the dry run reports it by row number, Import stays disabled.
  const bad = testInfo.outputPath("bad.csv");
  await fs.writeFile(bad, `seller_sku,shopify_sku\r\nSHIRT-${tag},SHIRT-${tag}\r\nHAT-TT-${tag},NO-SUCH-SKU\r\n`);
  await page.getByRole("button", { name: "Import CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import mappings from CSV" });
  await dialog.getByLabel("CSV file").setInputFiles(bad);
  await expect(dialog.getByText("1 row has an error")).toBeVisible();
  await expect(dialog.getByRole("table", { name: "Row errors" })).toContainText(`3No Shopify variant with SKU "NO-SUCH-SKU" in the paired Shopify store.`);
  await expect(dialog.getByRole("button", { name: "Import", exact: true })).toBeDisabled();

  // The corrected file: both rows are new mappings; Import writes them.
  const good = testInfo.outputPath("good.csv");
  await fs.writeFile(good, `seller_sku,shopify_sku\r\nSHIRT-${tag},SHIRT-${tag}\r\nHAT-TT-${tag},HAT-SHOP-${tag}\r\n`);
  await dialog.getByLabel("CSV file").setInputFiles(good);
  await expect(dialog.getByText("2 rows: 2 new mappings")).toBeVisible();
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("2 SKUs mapped from the CSV.")).toBeVisible();
  await expect(page.getByRole("tab", { name: /Mapped Products/ })).toContainText("2");

  // Export: the file holds both mappings, with the header the importer reads back.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = await fs.readFile(file, "utf8");
  expect(csv.split("\r\n")[0]).toBe("\uFEFFtiktok_product_id,tiktok_product_title,tiktok_sku_id,seller_sku,shopify_product_title,shopify_variant_id,shopify_sku,rule,status,mapped_at");
  expect(csv).toContain(`HAT-TT-${tag},Straw Hat,`);
  expect(csv).toContain(`SHIRT-${tag},Linen Shirt,`);

  await page.goto(`/${owner.orgSlug}/activity`);
  const entry = page.getByText("CSV import: 2 SKUs mapped (2 new, 0 changed).");
  await expect(entry).toBeVisible();
  // Activity filters: by type, by store, by day in the organization's time zone.
  await page.getByLabel("Filter by type").selectOption({ label: "Connections" });
  await expect(entry).toHaveCount(0);
  await page.getByLabel("Filter by type").selectOption({ label: "Mapping" });
  await expect(entry).toBeVisible();
  await page.getByLabel("Filter by store").selectOption({ label: store.name });
  await expect(entry).toHaveCount(0);
  await page.getByLabel("Filter by store").selectOption({ label: seller.shops[0]!.name });
  await expect(entry).toBeVisible();
  await page.getByLabel("To day").fill("2020-01-01");
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();
});
