import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { ApiError } from "../../api/fetch-json";
import { OrgRoleProvider } from "../../shell/org-role-context";
import { ImportReport } from "./import-report";
import { MappingCsvActions } from "./mapping-csv-actions";
import { reportFromError, type ImportMappingsReport } from "./use-import-mappings-csv";

function render(role: Role) {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <OrgRoleProvider value={{ slug: "acme", name: "Acme", role }}>
        <MappingCsvActions tiktokConnectionId="t1" />
      </OrgRoleProvider>
    </QueryClientProvider>,
  );
}

const report: ImportMappingsReport = {
  dryRun: true,
  imported: false,
  rows: 3,
  create: 1,
  change: 0,
  unchanged: 0,
  otherMarketSkus: 0,
  errorCount: 2,
  errors: [
    { row: 3, code: "UNKNOWN_TIKTOK_SKU", message: 'No TikTok SKU with seller SKU "NOPE" in this shop.' },
    { row: 4, code: "DUPLICATE_ROW", message: "Duplicate of row 2." },
  ],
  changes: [],
};

describe("MappingCsvActions", () => {
  it("offers the export link to everyone and the import to writers only", () => {
    const admin = render("ADMIN");
    expect(admin).toContain('href="/api/orgs/acme/mapping/export?tiktokConnectionId=t1"');
    expect(admin).toContain("Import CSV");
    const viewer = render("VIEWER");
    expect(viewer).toContain("Export CSV");
    expect(viewer).not.toContain("Import CSV");
  });

  it("lists every row error with its row number, and the counts", () => {
    const html = renderToStaticMarkup(<ImportReport report={report} />);
    expect(html).toContain("3 rows: 1 new mapping, 0 changed mappings");
    expect(html).toContain("2 rows have errors");
    expect(html).toMatch(/<td[^>]*>3<\/td><td[^>]*>No TikTok SKU with seller SKU &quot;NOPE&quot; in this shop\.<\/td>/);
    expect(html).toMatch(/<td[^>]*>4<\/td><td[^>]*>Duplicate of row 2\.<\/td>/);
    expect(renderToStaticMarkup(<ImportReport report={{ ...report, errorCount: 0, errors: [] }} />)).toContain("No errors");
  });

  it("reads the report a refused real import carries", () => {
    expect(reportFromError(new ApiError("2 rows have errors", 400, "BAD_REQUEST", report))).toEqual(report);
    expect(reportFromError(new ApiError("Not found", 404, "NOT_FOUND"))).toBeNull();
  });
});
