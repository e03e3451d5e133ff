import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { databaseUrl, env } from "./env";

// One client per process, created on first use so that `next build` never opens the database.
const globalForPrisma = globalThis as unknown as { ferryPrisma?: PrismaClient };

export function createPrismaClient(url: string, max = env().DATABASE_POOL_MAX): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

export function db(): PrismaClient {
  globalForPrisma.ferryPrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.ferryPrisma;
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client.ts";

/** Installs the client that db() returns: for tests and scripts that manage their own connection. */
export function setDbClient(client: PrismaClient): void {
  globalForPrisma.ferryPrisma = client;
}
