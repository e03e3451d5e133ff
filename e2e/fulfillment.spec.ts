import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, sandboxUrl, suffix } from "./support/sandbox";

// PRODUCT.md step 7 in the browser and over the whole path: the merchant maps a carrier under Settings →
// Carriers; an order fulfilled in Shopify reaches TikTok with its tracking (Shopify's webhook → the app →
// the runner → sync-fulfillment → TikTok), and the state per TikTok order says "Tracking sent".
//
// The Shopify order is the one Ferry's importer would create (sourceName, sourceIdentifier and the shop
// attribute of lib/orders/shopify-order-source.ts), written by a second sandbox app with its own token:
// the test never reads the app's.

const ORDERS_APP = { clientId: `e2e-orders-${suffix()}`, clientSecret: "e2e-orders-secret-0123", redirectUrl: "http://127.0.0.1:9/callback" };

async function ordersAppToken(domain: string): Promise<string> {
  await sandbox("POST", "/__sandbox/apps", { platform: "shopify", ...ORDERS_APP });
  const query = new URLSearchParams({ client_id: ORDERS_APP.clientId, scope: "write_orders,read_products", redirect_uri: ORDERS_APP.redirectUrl, state: "s" });
  const install = await fetch(`${sandboxUrl()}/shopify/${domain}/admin/oauth/authorize?${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision: "install" }).toString(),
    redirect: "manual",
  });
  const code = new URL(install.headers.get("location")!).searchParams.get("code")!;
  const token = await fetch(`${sandboxUrl()}/shopify/${domain}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: ORDERS_APP.clientId, client_secret: ORDERS_APP.clientSecret, code }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}

async function createFerryOrder({ domain, token, variantId, tiktokShopId, tiktokOrderId }: { domain: string; token: string; variantId: string; tiktokShopId: string; tiktokOrderId: string }) {
  const response = await fetch(`${sandboxUrl()}/shopify/${domain}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": token },
    body: JSON.stringify({
      query: "mutation E2EOrder($order: OrderCreateOrderInput!) { orderCreate(order: $order) { order { id } userErrors { message } } }",
      variables: {
        order: {
          lineItems: [{ variantId, quantity: 1 }],
          sourceName: "tiktok",
          sourceIdentifier: tiktokOrderId,
          tags: ["TikTok"],
          customAttributes: [{ key: "TikTok shop id", value: tiktokShopId }, { key: "TikTok order id", value: tiktokOrderId }],
        },
      },
    }),
  });
  const body = (await response.json()) as { data: { orderCreate: { order: { id: string } | null; userErrors: unknown[] } } };
  expect(body.data.orderCreate.userErrors).toEqual([]);
  return body.data.orderCreate.order!.id.split("/").pop()!;
}

interface SandboxTikTokOrder {
  status: string;
  package_details: { tracking_number: string; shipping_provider_name: string }[];
}

test("Carriers maps a Shopify carrier; a Shopify fulfillment reaches TikTok with its tracking, once", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "fulfil", organizationName: "Fulfil Co" });
  const page = await pageFor(browser, owner);
  const sku = `FF-${suffix().toUpperCase()}`;
  const store = await newShopifyStore();
  const { products } = await sandbox<{ products: { variants: { id: string }[] }[] }>("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [{ title: "Wool Scarf", descriptionHtml: "", variants: [{ sku, price: "20.00", inventoryQuantity: 5 }] }],
  });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, { products: [{ title: "Wool Scarf", description: "", skus: [{ sellerSku: sku, price: "20.00", quantity: 5 }] }] });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  // Settings → Carriers: "My Parcels" ships as UPS; nothing else is mapped, and there is no fallback.
  await page.goto(`/${owner.orgSlug}/settings`);
  const carriers = page.getByRole("form", { name: `Carriers for ${seller.shops[0]!.name}` });
  await expect(page.getByText("TikTok offers: USPS, UPS, FedEx, DHL eCommerce, OnTrac")).toBeVisible({ timeout: 30_000 });
  await carriers.getByRole("button", { name: "Add carrier" }).click();
  await carriers.getByLabel("Shopify carrier 1").fill("My Parcels");
  await carriers.getByLabel("TikTok shipping provider 1").selectOption({ label: "UPS" });
  await carriers.getByRole("button", { name: "Save carriers" }).click();
  await expect(page.getByText("Carriers saved.")).toBeVisible();
  // Two rows for one carrier are refused, and the saved table stays.
  await carriers.getByRole("button", { name: "Add carrier" }).click();
  await carriers.getByLabel("Shopify carrier 2").fill("my-parcels");
  await carriers.getByLabel("TikTok shipping provider 2").selectOption({ label: "USPS" });
  await carriers.getByRole("button", { name: "Save carriers" }).click();
  await expect(page.getByText(/same carrier as "My Parcels"/)).toBeVisible();
  await page.reload();
  await expect(carriers.getByLabel("Shopify carrier 1")).toHaveValue("My Parcels");
  await expect(carriers.getByLabel("Shopify carrier 2")).toHaveCount(0);

  // A TikTok order and the Shopify order Ferry made for it, fulfilled in Shopify with "My Parcels".
  const { orderId: tiktokOrderId } = await sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${shopId}/orders`, { lineItems: [{ sellerSku: sku, quantity: 1 }], status: "AWAITING_SHIPMENT" });
  const token = await ordersAppToken(store.domain);
  const shopifyOrderId = await createFerryOrder({ domain: store.domain, token, variantId: products[0]!.variants[0]!.id, tiktokShopId: shopId, tiktokOrderId });
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/orders/${shopifyOrderId}/fulfill`, { trackingNumber: "1Z999AA10123456730", company: "My Parcels" });

  const tiktokOrder = () => sandbox<SandboxTikTokOrder>("GET", `/__sandbox/tiktok/orders/${tiktokOrderId}`);
  await expect(async () => {
    const order = await tiktokOrder();
    expect(order.status).toBe("AWAITING_COLLECTION");
    expect(order.package_details).toEqual([expect.objectContaining({ tracking_number: "1Z999AA10123456730", shipping_provider_name: "UPS" })]);
  }).toPass({ timeout: 60_000 });

  const connections = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/connections`)).json()) as { tiktok: { id: string }[] };
  const state = await page.request.get(`/api/orgs/${owner.orgSlug}/fulfillments?tiktokConnectionId=${connections.tiktok[0]!.id}&orderIds=${tiktokOrderId}`);
  expect(state.status()).toBe(200);
  type State = { orders: { tiktokOrderId: string; fulfillments: { stateLabel: string; trackingNumber: string; shippingProvider: { name: string }; tiktokStatus: string }[] }[] };
  expect(((await state.json()) as State).orders).toEqual([
    { tiktokOrderId, fulfillments: [expect.objectContaining({ stateLabel: "Tracking sent", trackingNumber: "1Z999AA10123456730", shippingProvider: expect.objectContaining({ name: "UPS" }), tiktokStatus: "AWAITING_COLLECTION" })] },
  ]);
  const bad = await page.request.get(`/api/orgs/${owner.orgSlug}/fulfillments?tiktokConnectionId=${connections.tiktok[0]!.id}&orderIds=abc`);
  expect(bad.status()).toBe(400);
});

test("an imported order fulfilled in Shopify shows Tracking sent on Orders, with the tracking and TikTok's status", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const owner = await createAccount(request, { label: "fulfil-orders", organizationName: "Fulfil Orders Co" });
  const page = await pageFor(browser, owner);
  const sku = `FO-${suffix().toUpperCase()}`;
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, { products: [{ title: "Canvas Tote", descriptionHtml: "", variants: [{ sku, price: "24.00", inventoryQuantity: 10 }] }] });
  const seller = await newTikTokSeller();
  const shopId = seller.shops[0]!.shopId;
  await sandbox("POST", `/__sandbox/tiktok/shops/${shopId}/products`, { products: [{ title: "Canvas Tote Bag", description: "", skus: [{ sellerSku: sku, price: "24.00", quantity: 10 }] }] });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });

  await page.goto(`/${owner.orgSlug}/products`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("tab", { name: /Unmapped Products/ })).toContainText("1", { timeout: 5000 });
  }).toPass({ timeout: 90_000 });
  await page.getByRole("button", { name: "Map Canvas Tote Bag by hand" }).click();
  const dialog = page.getByRole("dialog", { name: "Map Canvas Tote Bag" });
  await dialog.getByRole("button", { name: "Search" }).click();
  await dialog.getByRole("button", { name: /^Pick Canvas Tote/ }).click();
  await dialog.getByRole("button", { name: "Map", exact: true }).click();
  await expect(page.getByText("Canvas Tote Bag: 1 SKU mapped.")).toBeVisible();

  // TikTok order → imported into Shopify → fulfilled there by the merchant.
  const { orderId } = await sandbox<{ orderId: string }>("POST", `/__sandbox/tiktok/shops/${shopId}/orders`, { lineItems: [{ sellerSku: sku, quantity: 2 }], status: "AWAITING_SHIPMENT" });
  await page.goto(`/${owner.orgSlug}/orders`);
  const row = page.getByTestId(`order-${orderId}`);
  await expect(row.getByText("Created", { exact: true })).toBeVisible({ timeout: 60_000 });
  const created = await sandbox<{ orders: { id: string }[] }>("GET", `/__sandbox/shopify/shops/${store.domain}/orders?sourceIdentifier=${orderId}`);
  const shopifyOrderId = created.orders[0]!.id.split("/").pop()!;
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/orders/${shopifyOrderId}/fulfill`, { trackingNumber: "1Z999AA10123456731", company: "United Parcel Service" });

  await expect(row.getByText("Tracking sent", { exact: true })).toBeVisible({ timeout: 60_000 });
  await row.getByRole("button", { name: "Timeline" }).click();
  const fulfillments = page.getByRole("region", { name: `Fulfillments of TikTok order ${orderId}` });
  await expect(fulfillments).toContainText("Tracking sent");
  await expect(fulfillments).toContainText("UPS 1Z999AA10123456731");
  await expect(fulfillments).toContainText("TikTok: Awaiting collection");
  const tiktok = await sandbox<SandboxTikTokOrder>("GET", `/__sandbox/tiktok/orders/${orderId}`);
  expect(tiktok.package_details).toEqual([expect.objectContaining({ tracking_number: "1Z999AA10123456731", shipping_provider_name: "UPS" })]);
});
