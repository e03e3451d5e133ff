import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Secrets the demo needs, generated once into the data directory (never committed) so sessions and
// encrypted tokens survive restarts.
export interface DemoSecrets {
  NEXTAUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEY: string;
  // The demo app's credentials with the platform sandbox (not real platform credentials).
  SANDBOX_TIKTOK_APP_SECRET: string;
  SANDBOX_SHOPIFY_CLIENT_SECRET: string;
}

export function loadOrCreateSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, "secrets.json");
  let existing: Partial<DemoSecrets> = {};
  if (fs.existsSync(file)) existing = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DemoSecrets>;
  const secrets: DemoSecrets = {
    NEXTAUTH_SECRET: existing.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: existing.TOKEN_ENCRYPTION_KEY ?? `demo1:${randomBytes(32).toString("base64")}`,
    SANDBOX_TIKTOK_APP_SECRET: existing.SANDBOX_TIKTOK_APP_SECRET ?? randomBytes(16).toString("hex"),
    SANDBOX_SHOPIFY_CLIENT_SECRET: existing.SANDBOX_SHOPIFY_CLIENT_SECRET ?? randomBytes(16).toString("hex"),
  };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
