import type { APIResponse } from "@playwright/test";
import { createAccount, expect, pageFor, test } from "./support/fixtures";
import { routeInventory } from "./support/route-inventory";

// Malformed input to every API route, as a signed-in owner (so requests get past authentication and
// reach the parsing): broken and wrongly typed JSON, hostile ids in the path, garbage query strings.
// Every answer must be a 4xx (or a success that changed nothing it should not): never a 5xx, which
// would mean unvalidated input reached code that did not expect it.

const hostileIds = ["%00", "..%2F..%2Fetc%2Fpasswd", "x".repeat(600), "%F0%9F%92%A9", "'%20OR%201=1--", "-1", "1e309"];
const hostileQueries = ["?cursor=%ZZ", "?cursor=bm90LWEtY3Vyc29y&limit=-5", "?limit=99999999999999999999", "?tab=%00&q=" + "y".repeat(3000), "?tiktokConnectionId[]=a&tiktokConnectionId[]=b", "?level=DROP"];
const hostileBodies: { name: string; data: string; type: string }[] = [
  { name: "truncated JSON", data: '{"name": ', type: "application/json" },
  { name: "a JSON array", data: "[1,2,3]", type: "application/json" },
  { name: "JSON null", data: "null", type: "application/json" },
  { name: "wrong types", data: JSON.stringify({ name: 42, email: ["x"], role: {}, tiktokConnectionId: 7, rows: "all", pairs: null, csv: 5, dryRun: "yes", section: 1, value: [] }), type: "application/json" },
  { name: "a form body", data: "a=1&b=2", type: "application/x-www-form-urlencoded" },
  { name: "a huge string", data: JSON.stringify({ name: "z".repeat(200_000) }), type: "application/json" },
  { name: "deep nesting", data: "[".repeat(5000) + "]".repeat(5000), type: "application/json" },
];

function fill(path: string, id: string): string {
  return path.replace(/\[\.\.\.[^\]]+\]/g, id).replace(/\[[^\]]+\]/g, id);
}

async function expectNo5xx(response: APIResponse, what: string) {
  const status = response.status();
  expect(status, `${what} → ${status}: ${status >= 500 ? (await response.text()).slice(0, 300) : ""}`).toBeLessThan(500);
}

test("malformed bodies, ids and query strings to every API route give 4xx, never 5xx", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const owner = await createAccount(request, { label: "fuzz", organizationName: "Fuzz Co" });
  const page = await pageFor(browser, owner);
  const api = routeInventory.filter((route) => route.kind === "api");
  for (const route of api) {
    // The organization is the owner's own, so the checks run past membership.
    const withOrg = route.path.replace("[org]", owner.orgSlug);
    for (const method of route.methods) {
      const send = (url: string, body?: { data: string; type: string }) =>
        page.request.fetch(url, { method, maxRedirects: 0, headers: body ? { "content-type": body.type } : {}, data: body?.data });
      for (const id of hostileIds) {
        const url = fill(withOrg, id);
        await expectNo5xx(await send(url), `${method} ${url.slice(0, 120)}`);
      }
      for (const query of hostileQueries) {
        const url = fill(withOrg, "cmwy00000000000000000000z") + query;
        await expectNo5xx(await send(url), `${method} ${url.slice(0, 120)}`);
      }
      if (method !== "GET") {
        for (const body of hostileBodies) await expectNo5xx(await send(fill(withOrg, "cmwy00000000000000000000z"), body), `${method} ${route.path} with ${body.name}`);
      }
    }
  }
  // Positive control: the owner's organization still answers, unchanged.
  const org = await page.request.get(`/api/orgs/${owner.orgSlug}`);
  expect(org.status()).toBe(200);
  expect(((await org.json()) as { organization: { name: string } }).organization.name).toBe("Fuzz Co");
});
