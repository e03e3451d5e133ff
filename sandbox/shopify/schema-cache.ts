// Obtains the real Shopify Admin API 2026-10 schema (an introspection result) from the official
// npm package @shopify/dev-mcp@1.16.0, without installing that package (it drags in the Shopify
// CLI): `npm pack` the tarball into a temp dir, extract the one file, gunzip it into .cache/.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { readTarEntry } from "./tar";

export const SHOPIFY_API_VERSION = "2026-10";
const PACKAGE_SPEC = "@shopify/dev-mcp@1.16.0";
const ENTRY = `package/dist/data/admin_${SHOPIFY_API_VERSION}.json.gz`;
// __dirname, not import.meta: this module is also loaded as CommonJS (Playwright's loader, tsx).
const REPO_ROOT = path.resolve(__dirname, "..", "..");

export function schemaCachePath(cacheDir = path.join(REPO_ROOT, ".cache", "shopify")): string {
  return path.join(cacheDir, `admin_${SHOPIFY_API_VERSION}.json`);
}

/** Idempotent: downloads and extracts the schema only when the cache file is missing. Returns its path. */
export function ensureShopifySchema(options: { cacheDir?: string } = {}): string {
  const target = schemaCachePath(options.cacheDir);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-shopify-schema-"));
  try {
    const out = execFileSync("npm", ["pack", PACKAGE_SPEC, "--pack-destination", tmp, "--silent"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tgzName = out.trim().split("\n").pop() ?? "";
    const tgzPath = path.join(tmp, tgzName);
    if (!tgzName || !fs.existsSync(tgzPath)) throw new Error(`npm pack ${PACKAGE_SPEC} produced no tarball`);
    const tar = zlib.gunzipSync(fs.readFileSync(tgzPath));
    const gz = readTarEntry(tar, ENTRY);
    if (!gz) throw new Error(`${ENTRY} not found in ${PACKAGE_SPEC}`);
    const json = zlib.gunzipSync(gz);
    JSON.parse(json.toString("utf8")); // refuse to cache a corrupt file
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, json);
    fs.renameSync(partial, target);
    return target;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

let cached: GraphQLSchema | undefined;

/** The Admin schema, built once per process (about a second: 3,500+ types). */
export function loadShopifySchema(options: { cacheDir?: string } = {}): GraphQLSchema {
  if (cached) return cached;
  const file = ensureShopifySchema(options);
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
  cached = buildClientSchema(parsed.data ?? parsed, { assumeValid: true });
  return cached;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(__dirname, "schema-cache.ts")) {
  const file = ensureShopifySchema();
  const schema = loadShopifySchema();
  console.log(`Shopify Admin ${SHOPIFY_API_VERSION} schema: ${file} (${Object.keys(schema.getTypeMap()).length} types)`);
}
