import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,inngest,sandbox,scripts,app,components,e2e,prisma}/**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", ".data/**", ".next/**", ".next-test/**"],
    environment: "node",
    // Serves each worker its own migrated database on request (only files importing lib/testing/db pay).
    globalSetup: ["lib/testing/global-setup.ts", "lib/testing/platforms-setup.ts"],
    setupFiles: ["lib/testing/setup-env.ts"],
    env: {
      PASSWORD_HASH_ROUNDS: "10",
      LOG_LEVEL: "silent",
      // A fixed key for tests only (32 zero-free bytes); never used outside the test run.
      TOKEN_ENCRYPTION_KEY: "test:dGVzdC1rZXktMzItYnl0ZXMtZm9yLWVuY3J5cHRpb24=",
    },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
