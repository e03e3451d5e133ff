import fs from "node:fs";
import pg from "pg";

// After the whole browser suite: no platform token, client secret or key the run used appears in
// plaintext in the database, the app's log or (see e2e/zz-secrets.spec.ts) its API responses.

type Slices = { tiktok?: { accessTokens?: object; refreshTokens?: object; grants?: Record<string, { refresh_token?: string }> }; shopify?: { tokens?: object; refreshTokens?: object } };

/** Every access and refresh token the sandbox has issued and still knows, from its persisted state. */
export function sandboxTokens(stateFile: string): string[] {
  if (!fs.existsSync(stateFile)) return [];
  const { slices = {} } = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { slices?: Slices };
  const tiktok = slices.tiktok ?? {};
  const shopify = slices.shopify ?? {};
  return [
    ...Object.keys(tiktok.accessTokens ?? {}),
    ...Object.keys(tiktok.refreshTokens ?? {}),
    ...Object.values(tiktok.grants ?? {}).flatMap((grant) => (grant.refresh_token ? [grant.refresh_token] : [])),
    ...Object.keys(shopify.tokens ?? {}),
    ...Object.keys(shopify.refreshTokens ?? {}),
  ];
}

export interface Finding {
  secret: string;
  where: string;
}

const usable = (secrets: string[]) => [...new Set(secrets)].filter((secret) => secret.length >= 16);
const masked = (secret: string) => `${secret.slice(0, 4)}…(${secret.length} chars)`;

/** Every row of every table, as JSON text, searched for each secret. */
export async function scanDatabase({ url, secrets }: { url: string; secrets: string[] }): Promise<Finding[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows;
    const findings: Finding[] = [];
    for (const { name } of tables) {
      const rows = (await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name.replace(/"/g, '""')}" t`)).rows;
      for (const secret of usable(secrets)) if (rows.some((r) => r.row.includes(secret))) findings.push({ secret: masked(secret), where: `table ${name}` });
    }
    return findings;
  } finally {
    await client.end();
  }
}

export function scanText({ text, where, secrets }: { text: string; where: string; secrets: string[] }): Finding[] {
  return usable(secrets)
    .filter((secret) => text.includes(secret))
    .map((secret) => ({ secret: masked(secret), where }));
}
