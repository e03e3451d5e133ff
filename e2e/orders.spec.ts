import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// TikTok orders into Shopify in the browser against the sandbox: a mapped order is created once with its
// Shopify link; an order with an unmapped SKU waits under Needs attention (Retry tries again), and is created
// as soon as its SKU is mapped.

type ShopifyOrders = { orders: { id: string; name: string; sourceIdentifier: string | null; lineItems: { sku: string | null; quantity: number }[] }[] };

test("a TikTok order becomes one Shopify order; an unmapped one waits, is retried, mapped and created", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "orders", organizationName: "Orders Co" });
  const page = await pageFor(browser, owner);
  const tag = suffix().toUpperCase();

  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [
      { title: "Canvas Tote", descriptionHtml: "<p>Tote</p>", variants: [{ sku: `TOTE-${tag}`, price: "24.00", inventoryQuantity: 10 }] },
      { title: "Enamel Pin", descriptionHtml: "<p>Pin</p>", variants: [{ sku: `PIN-${tag}`, price: "6.00", inventoryQuantity: 10 }] },
    ],
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, {
    products: [
      { title: "Canvas Tote Bag", description: "Tote", skus: [{ sellerSku: `TOTE-${tag}`, price: "24.00", quantity: 10 }] },
      { title: "Pin", description: "Pin", skus: [{ sellerSku: `PINTT-${tag}`, price: "6.00", quantity: 10 }] },
    ],
  });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  // Map the tote by hand; the pin stays unmapped for now.
  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("2", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole("button", { name: "Map Canvas Tote Bag by hand" }).click();
  const tote = page.getByRole("dialog", { name: "Map Canvas Tote Bag" });
  await tote.getByRole("button", { name: "Search" }).click();
  await tote.getByRole("button", { name: /^Pick Canvas Tote/ }).click();
  await tote.getByRole("button", { name: "Map", exact: true }).click();
  await expect(page.getByText("Canvas Tote Bag: 1 SKU mapped.")).toBeVisible();

  // Two orders ready to ship: two totes (one line item per unit on TikTok), and a pin.
  const { orderId: mapped } = await sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${shopId}/orders`, { lineItems: [{ sellerSku: `TOTE-${tag}`, quantity: 2 }], status: "AWAITING_SHIPMENT", shippingFee: "3.00" });
  const { orderId: unmapped } = await sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${shopId}/orders`, { lineItems: [{ sellerSku: `PINTT-${tag}`, quantity: 1 }], status: "AWAITING_SHIPMENT" });

  await page.goto(`/${owner.orgSlug}/orders`);
  const mappedRow = page.getByTestId(`order-${mapped}`);
  await expect(mappedRow.getByText("Created", { exact: true })).toBeVisible({ timeout: 60_000 });
  const created = await sandbox<ShopifyOrders>("GET", `/__sandbox/shopify/shops/${store.domain}/orders?sourceIdentifier=${mapped}`);
  expect(created.orders).toHaveLength(1);
  expect(created.orders[0]!.lineItems).toEqual([expect.objectContaining({ sku: `TOTE-${tag}`, quantity: 2 })]);
  const link = mappedRow.getByRole("link", { name: created.orders[0]!.name });
  await expect(link).toHaveAttribute("href", new RegExp(`/admin/orders/${created.orders[0]!.id.split("/").pop()}$`));
  await expect(mappedRow).toContainText("awaiting shipment");

  const unmappedRow = page.getByTestId(`order-${unmapped}`);
  await expect(unmappedRow.getByText("Needs attention", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(unmappedRow).toContainText(`SKU PINTT-${tag} is not mapped`);
  await page.getByRole("button", { name: /^Needs attention \(1\)/ }).click();
  await expect(mappedRow).toHaveCount(0);
  await expect(unmappedRow).toBeVisible();

  // Retry before the SKU is mapped: tried again, still waiting with the same reason.
  await unmappedRow.getByRole("button", { name: "Retry" }).click();
  await unmappedRow.getByRole("button", { name: "Timeline" }).click();
  const timeline = page.getByRole("list", { name: `Timeline of TikTok order ${unmapped}` });
  await expect(timeline).toContainText("Retry requested");
  await expect(timeline).toContainText("is not mapped");
  await expect(unmappedRow.getByText("Needs attention", { exact: true })).toBeVisible();

  // Map the pin: the order that waited for it is created on its own.
  await page.goto(`/${owner.orgSlug}/products`);
  await page.getByRole("button", { name: "Map Pin by hand" }).click();
  const pin = page.getByRole("dialog", { name: "Map Pin" });
  await pin.getByRole("textbox", { name: /Search Shopify variants/ }).fill("Enamel");
  await pin.getByRole("button", { name: "Search" }).click();
  await pin.getByRole("button", { name: /^Pick Enamel Pin/ }).click();
  await pin.getByRole("button", { name: "Map", exact: true }).click();
  await expect(page.getByText("Pin: 1 SKU mapped.")).toBeVisible();

  await page.goto(`/${owner.orgSlug}/orders?order=${await orderRowId(page, owner.orgSlug, unmapped)}`);
  await expect(unmappedRow.getByText("Created", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(unmappedRow.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(timeline).toContainText(/Created Shopify order #\d+/);

  // Exactly one Shopify order per TikTok order.
  const all = await sandbox<ShopifyOrders>("GET", `/__sandbox/shopify/shops/${store.domain}/orders`);
  expect(all.orders.map((o) => o.sourceIdentifier).sort()).toEqual([mapped, unmapped].sort());

  // The Overview counts both as imported today, charts them and gives the sync latency.
  await page.goto(`/${owner.orgSlug}/overview`);
  const importedToday = page.locator("dt", { hasText: /^Imported today$/ }).locator("xpath=following-sibling::dd");
  await expect(importedToday).toHaveText("2");
  await expect(page.getByRole("figure", { name: /Orders synced to Shopify per day/ })).toBeVisible();
  await expect(page.getByText(/Order sync latency: median .+, p95 .+ \(2 orders\)/)).toBeVisible();
});

async function orderRowId(page: import("@playwright/test").Page, orgSlug: string, tiktokOrderId: string): Promise<string> {
  const listed = (await (await page.request.get(`/api/orgs/${orgSlug}/orders?q=${tiktokOrderId}`)).json()) as { orders: { id: string }[] };
  return listed.orders[0]!.id;
}
