import { inject } from "vitest";

// Runs before each test file is imported: platform base URLs, app credentials and the Inngest
// event API point at the sandbox and runner started by lib/testing/platforms-setup.ts.
for (const [name, value] of Object.entries(inject("ferryPlatformEnv"))) process.env[name] ??= value;
