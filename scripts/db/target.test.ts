import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../lib/db/embedded-postgres";
import { openTargetDatabase, redactUrl } from "./target";

describe("openTargetDatabase", () => {
  it("uses DATABASE_URL unchanged when it is set, and never prints its password", async () => {
    const target = await openTargetDatabase({ DATABASE_URL: "postgresql://app:secret@127.0.0.1:5432/ferry" });
    expect(target.url).toBe("postgresql://app:secret@127.0.0.1:5432/ferry");
    expect(target.description).not.toContain("secret");
    expect(redactUrl("postgresql://app:secret@db:5432/x")).toBe("postgresql://app:***@db:5432/x");
  });

  it("without DATABASE_URL, starts the embedded database for the command, or joins the server already on it", async () => {
    const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-target-"));
    const env = { DATA_DIR: dataRoot, EMBEDDED_DB_PORT: String(await freePort()) };
    const own = await openTargetDatabase(env);
    try {
      expect(own.description).toContain(path.join(dataRoot, "pglite"));
      expect(fs.existsSync(path.join(dataRoot, "pglite", "PG_VERSION"))).toBe(true);
      const joined = await openTargetDatabase(env);
      expect(joined.url).toBe(own.url);
      expect(joined.description).toContain("served at");
      await joined.close();
    } finally {
      await own.close();
      fs.rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});
