import { createHmac } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { createAccount, expect, pageFor, test, uniqueEmail, type Account } from "./support/fixtures";
import { routeInventory } from "./support/route-inventory";
import { connectStoresInBrowser, newShopifyStore, newTikTokSeller, sandbox, suffix } from "./support/sandbox";

// Two organizations. For every page and API route, organization A's member using B's slug or B's
// record ids gets a 404 that leaks nothing of B; B's owner (the positive control) sees B's data.

const bodies: Record<string, unknown> = {
  "PATCH /api/orgs/[org]": { name: "Taken over" },
  "POST /api/orgs/[org]/invitations": { email: "attacker-invite@example.test", role: "OWNER" },
  "PATCH /api/orgs/[org]/members/[memberId]": { role: "OWNER" },
  "POST /api/orgs/[org]/connections/shopify": { shop: "attacker-store" },
  "POST /api/orgs/[org]/connections/tiktok": {},
  "PATCH /api/orgs/[org]/connections/[connectionId]": { pairedShopifyId: "cmwy00000000000000000000a" },
  "POST /api/orgs/[org]/catalog/imports": {},
  "PATCH /api/orgs/[org]/settings": { tiktokConnectionId: null, section: "mapping", value: { autoMapNewProducts: true } },
  "POST /api/orgs/[org]/mapping/unmap": { tiktokProductId: "cmwy00000000000000000000d" },
  "POST /api/orgs/[org]/mapping/manual": { tiktokConnectionId: "cmwy00000000000000000000b", pairs: [{ tiktokSkuId: "a", shopifyVariantId: "b" }] },
  "POST /api/orgs/[org]/mapping/import": { tiktokConnectionId: "cmwy00000000000000000000b", csv: "seller_sku,shopify_sku\nA,B\n", dryRun: false },
  "POST /api/orgs/[org]/mapping/proposals": { tiktokConnectionId: "cmwy00000000000000000000b" },
  "POST /api/orgs/[org]/mapping/batches": { tiktokConnectionId: "cmwy00000000000000000000b", rows: [] },
  "POST /api/orgs/[org]/connections/tiktok/shops": { authorizationId: "x", shops: [{ shopId: "1", shopifyConnectionId: "y" }] },
  "POST /api/orgs/[org]/product-sync/previews": { purpose: "settings", tiktokConnectionId: null, settings: {} },
  "PUT /api/orgs/[org]/carriers/[tiktokConnectionId]": { mappings: [{ company: "UPS", providerId: "1" }], fallbackProviderId: null },
  "POST /api/orgs/[org]/products/[productId]/edit": { overrides: { title: "Taken over" } },
  "POST /api/orgs/[org]/products/bulk-edit": { tiktokProductIds: ["cmwy00000000000000000000d"], titlePrefix: "Taken over " },
};

interface Tenant extends Account {
  name: string;
  memberId: string;
  memberEmail: string;
  invitationId: string;
  connectionId: string;
  shopDomain: string;
  batchId: string;
  tiktokConnectionId: string;
  previewId: string;
  tiktokShopId: string;
  orderId: string;
  productId: string;
}

async function makeTenant(browser: import("@playwright/test").Browser, request: import("@playwright/test").APIRequestContext, name: string): Promise<Tenant> {
  const owner = await createAccount(request, { label: name.toLowerCase().replace(/\W/g, ""), organizationName: name });
  const page = await pageFor(browser, owner);
  // A second member (joined through an invitation) and a pending invitation: ids worth stealing.
  const memberEmail = uniqueEmail("member");
  const invited = (await (await page.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: memberEmail, role: "ADMIN" } })).json()) as { url: string };
  await createAccount(request, { label: "member", email: memberEmail, invitationToken: invited.url.split("/").pop()! });
  const pending = (await (await page.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: uniqueEmail("pending"), role: "VIEWER" } })).json()) as {
    invitation: { id: string };
  };
  const team = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/members`)).json()) as { members: { id: string; email: string }[] };
  const member = team.members.find((m) => m.email === memberEmail)!;
  // A connected Shopify store and TikTok shop with one matching SKU, imported and mapped: connection
  // and batch ids worth stealing, webhooks worth forging.
  const sku = `XT-${suffix()}`;
  const store = await newShopifyStore();
  await sandbox("POST", `/__sandbox/shopify/shops/${store.domain}/products`, {
    products: [{ title: `${name} Shirt`, descriptionHtml: "", variants: [{ sku, price: "10.00", inventoryQuantity: 1 }] }],
  });
  const seller = await newTikTokSeller();
  await sandbox("POST", `/__sandbox/tiktok/shops/${seller.shops[0]!.shopId}/products`, {
    products: [{ title: `${name} Shirt`, description: "", skus: [{ sellerSku: sku, price: "10.00", quantity: 1 }] }],
  });
  await connectStoresInBrowser(page, { orgSlug: owner.orgSlug, storeName: store.name, seller });
  const connections = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/connections`)).json()) as { shopify: { id: string }[]; tiktok: { id: string }[] };
  const tiktokConnectionId = connections.tiktok[0]!.id;
  type Row = { tiktokSkuId: string; checked: boolean; rule: string; snapshot: string; shopify: { variantId: string } | null };
  type Review = { products: { rows: Row[] }[] };
  let review: Review = { products: [] };
  await expect(async () => {
    review = (await (await page.request.post(`/api/orgs/${owner.orgSlug}/mapping/proposals`, { data: { tiktokConnectionId } })).json()) as Review;
    expect(review.products.length).toBe(1);
  }).toPass({ timeout: 30_000 });
  const rows = review.products
    .flatMap((p) => p.rows)
    .filter((r) => r.checked && r.shopify)
    .map((r) => ({ tiktokSkuId: r.tiktokSkuId, shopifyVariantId: r.shopify!.variantId, rule: r.rule, snapshot: r.snapshot }));
  const batch = await page.request.post(`/api/orgs/${owner.orgSlug}/mapping/batches`, { data: { tiktokConnectionId, rows } });
  expect(batch.status(), await batch.text()).toBe(202);
  const { batchId } = (await batch.json()) as { batchId: string };
  // The TikTok product, once mapped: the product page and its editor read it.
  let productId = "";
  await expect(async () => {
    const listed = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/products?tab=mapped`)).json()) as { products: { id: string }[] };
    productId = listed.products[0]?.id ?? "";
    expect(productId).not.toBe("");
  }).toPass({ timeout: 30_000 });
  const preview = await page.request.post(`/api/orgs/${owner.orgSlug}/product-sync/previews`, { data: { purpose: "settings", tiktokConnectionId, settings: {} } });
  expect(preview.status(), await preview.text()).toBe(202);
  const { previewId } = (await preview.json()) as { previewId: string };
  // A TikTok order (imported or waiting for its mapping): an order id worth stealing.
  await sandbox("POST", `/__sandbox/tiktok/shops/${seller.shops[0]!.shopId}/orders`, { lineItems: [{ sellerSku: sku, quantity: 1 }], status: "AWAITING_SHIPMENT" });
  let orderId = "";
  await expect(async () => {
    const listed = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/orders`)).json()) as { orders: { id: string }[] };
    orderId = listed.orders[0]?.id ?? "";
    expect(orderId).not.toBe("");
  }).toPass({ timeout: 60_000 });
  await page.context().close();
  return {
    ...owner,
    name,
    memberId: member.id,
    memberEmail,
    invitationId: pending.invitation.id,
    connectionId: connections.shopify[0]!.id,
    shopDomain: store.domain,
    batchId,
    tiktokConnectionId,
    previewId,
    tiktokShopId: seller.shops[0]!.shopId,
    orderId,
    productId,
  };
}

function fill(path: string, tenantSlug: string, ids: { memberId: string; invitationId: string; connectionId: string; batchId: string; tiktokConnectionId: string; previewId: string; orderId: string; productId: string }): string {
  // GET routes that need a query to answer 200 for their owner.
  const query = path.endsWith("/mapping/variants")
    ? `?tiktokConnectionId=${ids.tiktokConnectionId}&q=Shirt`
    : path.endsWith("/mapping/export")
      ? `?tiktokConnectionId=${ids.tiktokConnectionId}`
      : path.endsWith("/fulfillments")
        ? `?tiktokConnectionId=${ids.tiktokConnectionId}&orderIds=576000000000000001`
        : "";
  return (path + query)
    .replace("[org]", tenantSlug)
    .replace("[memberId]", ids.memberId)
    .replace("[invitationId]", ids.invitationId)
    .replace("[connectionId]", ids.connectionId)
    .replace("[batchId]", ids.batchId)
    .replace("[previewId]", ids.previewId)
    .replace("[tiktokConnectionId]", ids.tiktokConnectionId)
    // B's TikTok shop connection id again: a real id of B's that is no fulfillment of A's.
    .replace("[fulfillmentId]", ids.tiktokConnectionId)
    .replace("[orderId]", ids.orderId)
    // B's own TikTok product: a real id of B's, never one of A's products.
    .replace("[productId]", ids.productId);
}

async function expectNoLeak(response: APIResponse, victim: Tenant) {
  expect(response.status(), `${response.url()} → ${response.status()}`).toBe(404);
  const text = await response.text();
  // The slug is the attacker's own input; names and emails are what must not leak.
  for (const secret of [victim.name, victim.email, victim.memberEmail]) expect(text).not.toContain(secret);
}

test("no tenant reaches another tenant's data through any route", async ({ browser, request }) => {
  // Two tenants with both stores, every route, then webhooks of both platforms: the longest spec.
  test.slow();
  const a = await makeTenant(browser, request, "Tenant Alpha");
  const b = await makeTenant(browser, request, "Tenant Bravo");
  const attacker = await pageFor(browser, a);
  const victim = await pageFor(browser, b);

  for (const route of routeInventory.filter((r) => r.scope === "org" || r.scope === "org-id")) {
    for (const method of route.methods) {
      const body = bodies[`${method} ${route.path}`];
      const send = (page: typeof attacker, url: string) => page.request.fetch(url, { method, data: body, maxRedirects: 0 });

      // B's slug (and B's ids) used by A.
      await expectNoLeak(await send(attacker, fill(route.path, b.orgSlug, b)), b);
      if (route.scope === "org-id") {
        // A's own slug with B's record ids.
        await expectNoLeak(await send(attacker, fill(route.path, a.orgSlug, b)), b);
      }
      if (route.kind === "page") {
        await attacker.goto(fill(route.path, b.orgSlug, b));
        await expect(attacker.getByRole("heading", { name: "Page not found" })).toBeVisible();
        await expect(attacker.locator("body")).not.toContainText(b.name);
      }
      // Positive control: B's owner reads B's pages and API (writes are left alone here).
      if (method === "GET") {
        const own = await victim.request.get(fill(route.path, b.orgSlug, b));
        expect(own.status(), route.path).toBe(200);
        if (route.kind === "page") expect(await own.text()).toContain(b.name);
      }
    }
  }

  // Ids inside bodies: A's own slug with B's TikTok shop is refused too.
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/mapping/proposals`, { data: { tiktokConnectionId: b.tiktokConnectionId } }), b);
  // B's SKU and variant ids (read from B's own batch) in A's batch request.
  const bBatch = await victim.request.get(`/api/orgs/${b.orgSlug}/mapping/batches/${b.batchId}`);
  expect(bBatch.status()).toBe(200);
  type Listed = { products: { id: string; skus: { id: string; mapping: { variant: { id: string } } | null }[] }[] };
  let bProductId = "";
  let stolen: Listed["products"][number]["skus"] = [];
  await expect(async () => {
    const listed = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/products?tab=mapped`)).json()) as Listed;
    stolen = listed.products.flatMap((item) => item.skus).filter((sku) => sku.mapping);
    bProductId = listed.products[0]?.id ?? "";
    expect(stolen.length).toBeGreaterThan(0);
  }).toPass({ timeout: 20_000 });
  await expectNoLeak(
    await attacker.request.post(`/api/orgs/${a.orgSlug}/mapping/batches`, {
      data: { tiktokConnectionId: a.tiktokConnectionId, rows: stolen.map((sku) => ({ tiktokSkuId: sku.id, shopifyVariantId: sku.mapping!.variant.id, rule: "EXACT_SKU", snapshot: "x" })) },
    }),
    b,
  );

  // Exporting or importing B's mappings through B's TikTok shop id from A's organization is refused.
  await expectNoLeak(await attacker.request.get(`/api/orgs/${a.orgSlug}/mapping/export?tiktokConnectionId=${b.tiktokConnectionId}`), b);
  const ownExport = await victim.request.get(`/api/orgs/${b.orgSlug}/mapping/export?tiktokConnectionId=${b.tiktokConnectionId}`);
  expect(await ownExport.text()).toContain(`${b.name} Shirt`);
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/mapping/import`, { data: { tiktokConnectionId: b.tiktokConnectionId, csv: "seller_sku,shopify_sku\nA,B\n", dryRun: false } }), b);

  // Searching B's Shopify store through B's TikTok shop id from A's organization is refused.
  await expectNoLeak(await attacker.request.get(`/api/orgs/${a.orgSlug}/mapping/variants?tiktokConnectionId=${b.tiktokConnectionId}&q=Shirt`), b);

  // "Sync now" on B's product from A's organization is refused.
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/products/${bProductId}/sync`), b);

  // Editing B's product from A's organization is refused, alone or in a bulk edit, and B's listing is untouched.
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/products/${bProductId}/edit`, { data: { overrides: { title: "Taken over" } } }), b);
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/products/bulk-edit`, { data: { tiktokProductIds: [bProductId], titlePrefix: "Taken over " } }), b);
  const bEditor = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/products/${bProductId}/editor`)).json()) as { tiktok: { title: string }; overrides: { title?: string } };
  expect(bEditor.tiktok.title).toBe(`${b.name} Shirt`);
  expect(bEditor.overrides.title).toBeUndefined();

  // Unmapping B's product from A's organization is refused, and B's mapping stays.
  await expectNoLeak(await attacker.request.post(`/api/orgs/${a.orgSlug}/mapping/unmap`, { data: { tiktokProductId: bProductId } }), b);
  const stillMapped = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/products?tab=mapped`)).json()) as Listed;
  expect(stillMapped.products.map((p) => p.id)).toContain(bProductId);

  // The user-scoped list shows only one's own organizations.
  const mine = await (await attacker.request.get("/api/me/organizations")).text();
  expect(mine).toContain(a.name);
  expect(mine).not.toContain(b.name);

  // Nothing of B changed: name, member, role and pending invitation are intact.
  const team = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/members`)).json()) as {
    members: { id: string; role: string }[];
    invitations: { id: string; email: string }[];
  };
  expect(team.members.find((m) => m.id === b.memberId)?.role).toBe("ADMIN");
  expect(team.invitations.map((i) => i.id)).toContain(b.invitationId);
  expect(team.invitations.map((i) => i.email)).not.toContain("attacker-invite@example.test");
  const org = (await (await victim.request.get(`/api/orgs/${b.orgSlug}`)).json()) as { organization: { name: string } };
  expect(org.organization.name).toBe(b.name);
  const bConnections = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/connections`)).json()) as { shopify: { id: string; status: string }[] };
  expect(bConnections.shopify).toEqual([expect.objectContaining({ id: b.connectionId, status: "ACTIVE" })]);

  // TikTok webhooks. Forged ones naming B's shop (a wrong secret, or a signature copied from another
  // body) are refused and change nothing.
  type TikTokRows = { tiktok: { id: string; status: string; reauthorizeBy: string | null }[] };
  const tiktokOf = async (page: typeof attacker, tenant: Tenant) =>
    ((await (await page.request.get(`/api/orgs/${tenant.orgSlug}/connections`)).json()) as TikTokRows).tiktok.find((t) => t.id === tenant.tiktokConnectionId)!;
  const forgedBody = (type: number) => JSON.stringify({ type, tts_notification_id: `forged-${suffix()}`, shop_id: b.tiktokShopId, timestamp: Math.floor(Date.now() / 1000), data: { message: "bye" } });
  for (const body of [forgedBody(6), forgedBody(7)]) {
    const wrongSecret = createHmac("sha256", "not-the-app-secret").update(`key${body}`).digest("hex");
    for (const authorization of [wrongSecret, "0".repeat(64), ""]) {
      const forged = await attacker.request.post("/api/webhooks/tiktok", { data: body, headers: { "content-type": "application/json", authorization } });
      expect(forged.status()).toBe(401);
    }
  }
  expect(await tiktokOf(victim, b)).toMatchObject({ status: "ACTIVE", reauthorizeBy: null });

  // Genuine ones, sent by the sandbox for A's shop: the expiry warning and then the seller's
  // deauthorization change A's shop, never B's.
  await sandbox("POST", `/__sandbox/tiktok/shops/${a.tiktokShopId}/authorization-expiring`, { days: 20 });
  await expect(async () => expect((await tiktokOf(attacker, a)).reauthorizeBy).not.toBeNull()).toPass({ timeout: 20_000 });
  await sandbox("POST", `/__sandbox/tiktok/shops/${a.tiktokShopId}/deauthorize`, {});
  await expect(async () => expect((await tiktokOf(attacker, a)).status).toBe("UNINSTALLED")).toPass({ timeout: 20_000 });
  expect(await tiktokOf(victim, b)).toMatchObject({ status: "ACTIVE", reauthorizeBy: null });

  // A webhook for A's store (the sandbox uninstalls the app there) changes A, never B.
  await sandbox("POST", `/__sandbox/shopify/shops/${a.shopDomain}/uninstall`);
  await expect(async () => {
    const mine = (await (await attacker.request.get(`/api/orgs/${a.orgSlug}/connections`)).json()) as { shopify: { status: string }[] };
    expect(mine.shopify[0]!.status).toBe("UNINSTALLED");
  }).toPass({ timeout: 20_000 });
  const after = (await (await victim.request.get(`/api/orgs/${b.orgSlug}/connections`)).json()) as { shopify: { status: string }[] };
  expect(after.shopify[0]!.status).toBe("ACTIVE");
});

test("signed-out requests to tenant routes are refused", async ({ request, browser }) => {
  const owner = await createAccount(request, { label: "signedout", organizationName: "Signed Out Co" });
  const anonymous = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const api = await anonymous.request.get(`/api/orgs/${owner.orgSlug}/members`);
  expect(api.status()).toBe(401);
  const page = await anonymous.newPage();
  await page.goto(`/${owner.orgSlug}/team`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
