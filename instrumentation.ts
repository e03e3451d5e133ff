// Next.js calls register() once when a server instance starts: the environment is validated at boot
// (STYLE.md rule 12), so a misconfigured deployment refuses to start and says what to fix.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined at build time, so the edge bundle drops this (the app runs on Node.js only).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvAtBoot } = await import("./lib/env");
    validateEnvAtBoot();
  }
}
