import { validateEnvAtBoot } from "./lib/env";

// Next.js calls register() once when a server instance starts: the environment is validated at boot
// (STYLE.md rule 12), so a misconfigured deployment refuses to start and says what to fix.
export function register(): void {
  validateEnvAtBoot();
}
