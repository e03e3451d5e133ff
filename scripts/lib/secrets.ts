import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Secrets the demo needs, generated once into the data directory (never committed) so sessions and
// encrypted tokens survive restarts.
export interface DemoSecrets {
  NEXTAUTH_SECRET: string;
}

export function loadOrCreateSecrets(dataDir: string): DemoSecrets {
  const file = path.join(dataDir, "secrets.json");
  let existing: Partial<DemoSecrets> = {};
  if (fs.existsSync(file)) existing = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DemoSecrets>;
  const secrets: DemoSecrets = { NEXTAUTH_SECRET: existing.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url") };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
