import pg from "pg";
import { describe, it } from "vitest";
import { migrationSuite } from "./migration-suite";

// Runs only when DATABASE_URL is set: creates an empty PostgreSQL database and drops it afterwards.
const adminUrl = process.env.DATABASE_URL;
describe.runIf(adminUrl)("with DATABASE_URL", () => {
  migrationSuite("migrations on an empty PostgreSQL database", async () => {
    const name = `ferry_cli_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(adminUrl);
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      close: async () => {
        const drop = new pg.Client(adminUrl);
        await drop.connect();
        await drop.query(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    };
  });
});

describe.skipIf(adminUrl)("without DATABASE_URL", () => {
  it.skip("PostgreSQL migration tests need DATABASE_URL", () => {});
});
