import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startDatabaseTripwire } from "./database-tripwire";
import { runStep } from "./processes";

// `next build` runs only when the build folder is missing or the sources changed since the last build.
const inputs = ["app", "components", "lib", "inngest", "public", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const skip = /(\.test\.tsx?$)|(^|\/)(generated|node_modules)(\/|$)/;

function hashSources(root: string): string {
  const hash = createHash("sha256");
  const walk = (rel: string) => {
    const full = path.join(root, rel);
    if (!fs.existsSync(full) || skip.test(rel)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(rel, name));
    } else {
      hash.update(rel).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  inputs.forEach(walk);
  // The Prisma schema shapes the generated client the build bundles.
  walk("prisma/schema.prisma");
  return hash.digest("hex");
}

/** The build folder for this environment: NEXT_DIST_DIR (the browser tests' own) or `.next`. */
export function distDirOf(env: NodeJS.ProcessEnv): string {
  return env.NEXT_DIST_DIR || ".next";
}

export async function buildIfNeeded(root: string, env: NodeJS.ProcessEnv): Promise<{ built: boolean }> {
  const distDir = path.join(root, distDirOf(env));
  const stamp = path.join(distDir, "ferry-source-hash");
  const current = hashSources(root);
  const previous = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : null;
  if (previous === current && fs.existsSync(path.join(distDir, "BUILD_ID"))) return { built: false };
  console.log(previous ? `Sources changed since the last build: building into ${path.basename(distDir)}…` : `Building the app into ${path.basename(distDir)}…`);
  // `next build` must never open the database: it builds against an address that counts connections.
  const tripwire = await startDatabaseTripwire();
  let failure: unknown;
  try {
    await runStep("next build", process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
      ...env,
      DATABASE_URL: tripwire.url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    });
  } catch (error) {
    failure = error;
  }
  const opened = tripwire.connections();
  await tripwire.close();
  if (opened > 0) {
    throw new Error(
      `next build opened the database (${opened} connection(s)). Keep database access out of module scope and out of statically rendered pages (lib/db.ts creates the client on first use).`,
    );
  }
  if (failure) throw failure;
  fs.writeFileSync(stamp, current);
  return { built: true };
}
