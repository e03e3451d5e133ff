import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeInventory } from "./support/route-inventory";

// Keeps the cross-tenant spec honest: a new route cannot ship without an entry it is tested through.
const appDir = path.resolve(__dirname, "../app");

function discover(dir: string, segments: string[] = []): { path: string; kind: "page" | "api"; methods: string[] }[] {
  const found: { path: string; kind: "page" | "api"; methods: string[] }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      // Route groups such as (auth) do not appear in the URL.
      found.push(...discover(full, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]));
    } else if (/^page\.tsx?$/.test(entry.name)) {
      found.push({ path: "/" + segments.join("/"), kind: "page", methods: ["GET"] });
    } else if (/^route\.tsx?$/.test(entry.name)) {
      const source = fs.readFileSync(full, "utf8");
      const direct = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|as (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]!);
      const destructured = [...source.matchAll(/export const \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((name) => name.trim()));
      const methods = [...direct, ...destructured].sort();
      found.push({ path: "/" + segments.join("/"), kind: "api", methods });
    }
  }
  return found;
}

describe("route inventory", () => {
  const discovered = discover(appDir);

  it("finds the app's routes", () => {
    expect(discovered.length).toBeGreaterThan(10);
  });

  it.each(discovered.map((route) => [route.path, route] as const))("lists %s with its methods", (_path, route) => {
    const entry = routeInventory.find((e) => e.path === route.path && e.kind === route.kind);
    expect(entry, `${route.path} is missing from e2e/support/route-inventory.ts`).toBeDefined();
    expect([...entry!.methods].sort()).toEqual(route.methods);
  });

  it("lists nothing that no longer exists", () => {
    for (const entry of routeInventory) {
      expect(discovered.some((route) => route.path === entry.path && route.kind === entry.kind), entry.path).toBe(true);
    }
  });
});
