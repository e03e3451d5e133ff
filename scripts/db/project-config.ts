import fs from "node:fs";
import path from "node:path";
import { loadConfigFromFile } from "@prisma/config";
import type { SchemaFile } from "./engine";

export interface ProjectConfig {
  root: string;
  schemaFiles: SchemaFile[];
  migrationsDir: string;
}

function readSchemaFiles(schemaPath: string): SchemaFile[] {
  if (!fs.statSync(schemaPath).isDirectory()) {
    return [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }];
  }
  return fs
    .readdirSync(schemaPath, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => path.join(schemaPath, file))
    .map((file) => ({ path: file, content: fs.readFileSync(file, "utf8") }));
}

/** Reads prisma.config.ts at `root` (the repo root by default): schema files and migrations folder. */
export async function loadProjectConfig(root = process.cwd()): Promise<ProjectConfig> {
  const loaded = await loadConfigFromFile({ configRoot: root });
  if (loaded.error) {
    const detail = "error" in loaded.error ? `: ${loaded.error.error.message}` : "";
    throw new Error(`Could not load prisma.config.ts in ${root} (${loaded.error._tag})${detail}`);
  }
  const base = loaded.resolvedPath ? path.dirname(loaded.resolvedPath) : root;
  const schemaPath = path.resolve(base, loaded.config.schema ?? "prisma/schema.prisma");
  const migrationsDir = path.resolve(base, loaded.config.migrations?.path ?? path.join(path.dirname(schemaPath), "migrations"));
  return { root: base, schemaFiles: readSchemaFiles(schemaPath), migrationsDir };
}
