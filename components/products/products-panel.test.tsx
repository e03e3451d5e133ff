import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { orgKeys } from "../api/query-keys";
import { OrgRoleProvider } from "../shell/org-role-context";
import type { CatalogStatus, ProductList } from "./product-types";
import { ProductsPanel } from "./products-panel";

const status: CatalogStatus = {
  importing: true,
  stores: [
    { connectionId: "s1", platform: "SHOPIFY", name: "Acme Store", pairedShopifyId: null, latestImport: null, lastImportedAt: null },
    {
      connectionId: "t1",
      platform: "TIKTOK",
      name: "Acme US",
      pairedShopifyId: "s1",
      latestImport: { id: "i1", status: "RUNNING", kind: "full", processed: 50, total: 200, error: null, startedAt: "2026-01-01T00:00:00.000Z", finishedAt: null },
      lastImportedAt: null,
    },
  ],
};

const list: ProductList = {
  tab: "unmapped",
  counts: { unmapped: 1204, mapped: 3, attention: 2 },
  nextCursor: "next",
  products: [
    {
      id: "p1",
      externalId: "1729",
      title: "Classic Tee",
      status: "ACTIVATE",
      imageUrl: null,
      shop: { id: "t1", name: "Acme US" },
      skuCount: 2,
      mappedSkuCount: 1,
      partlyMapped: true,
      skus: [],
      globalProductId: null,
      globalTitle: null,
      markets: [],
      attention: [],
      sync: null,
    },
  ],
};

function render({ role, catalog = status }: { role: Role; catalog?: CatalogStatus }) {
  const client = new QueryClient();
  client.setQueryData(orgKeys.catalogStatus("acme"), catalog);
  client.setQueryData(orgKeys.products("acme", { tab: "unmapped", q: "", shop: "", status: "" }), { pages: [list], pageParams: [null] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <OrgRoleProvider value={{ slug: "acme", name: "Acme", role }}>
        <ProductsPanel />
      </OrgRoleProvider>
    </QueryClientProvider>,
  );
}

describe("ProductsPanel", () => {
  it("shows the import progress, the tabs with counts and the first page", () => {
    const html = render({ role: "ADMIN" });
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain("Importing… 50 of 200");
    expect(html).toContain("Never imported");
    expect(html).toMatch(/Unmapped Products.*1,204.*Mapped Products.*3.*Needs attention.*2/s);
    expect(html).toContain("Classic Tee");
    expect(html).toContain("partly mapped");
    expect(html).toContain("Load more");
    expect(html).toContain("Bulk auto-map");
    expect(html).toContain("Importing…");
  });

  it("hides the writers' buttons from viewers", () => {
    const html = render({ role: "VIEWER" });
    expect(html).toContain("Classic Tee");
    expect(html).not.toContain("Bulk auto-map");
    expect(html).not.toContain("Import now");
  });

  it("asks to connect stores when none is connected", () => {
    const html = render({ role: "ADMIN", catalog: { importing: false, stores: [] } });
    expect(html).toContain("Connect your stores");
    expect(html).toContain('href="/acme/connections"');
    expect(html).not.toContain("Unmapped Products");
  });
});
