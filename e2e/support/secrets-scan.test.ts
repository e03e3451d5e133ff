import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDatabaseUrl, testDb } from "../../lib/testing/db";
import { sandboxTokens, scanDatabase, scanText } from "./secrets-scan";

beforeEach(() => resetDatabase());

// The scan that ends the browser suite must be able to fail: a planted token is found everywhere it looks.
describe("secrets scan", () => {
  const token = "shpat_0123456789abcdef0123456789abcdef";

  it("reads every token the sandbox issued from its state file", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "scan-")), "state.json");
    fs.writeFileSync(file, JSON.stringify({ slices: { tiktok: { accessTokens: { "tt-access-aaaaaaaaaaaa": {} }, refreshTokens: {}, grants: { g: { refresh_token: "tt-refresh-bbbbbbbbbbbb" } } }, shopify: { tokens: { [token]: {} }, refreshTokens: { "shprt_cccccccccccccccc": {} } } } }));
    expect(sandboxTokens(file).sort()).toEqual([token, "shprt_cccccccccccccccc", "tt-access-aaaaaaaaaaaa", "tt-refresh-bbbbbbbbbbbb"].sort());
    expect(sandboxTokens(path.join(path.dirname(file), "missing.json"))).toEqual([]);
  });

  it("finds a plaintext token in any table, and nothing when it is only stored encrypted", async () => {
    const organization = await testDb.organization.create({ data: { name: "Acme", slug: "acme-scan" } });
    await testDb.activityEntry.create({ data: { organizationId: organization.id, type: "x.y", message: "harmless" } });
    expect(await scanDatabase({ url: testDatabaseUrl, secrets: [token] })).toEqual([]);
    await testDb.activityEntry.create({ data: { organizationId: organization.id, type: "x.y", message: `leaked ${token}` } });
    expect(await scanDatabase({ url: testDatabaseUrl, secrets: [token] })).toEqual([{ secret: "shpa…(38 chars)", where: 'table ActivityEntry' }]);
  });

  it("finds a token in text, and ignores values too short to be secrets", () => {
    expect(scanText({ text: `{"msg":"x","token":"${token}"}`, where: "log", secrets: [token, "short"] })).toEqual([{ secret: "shpa…(38 chars)", where: "log" }]);
    expect(scanText({ text: "short short", where: "log", secrets: ["short"] })).toEqual([]);
  });
});
