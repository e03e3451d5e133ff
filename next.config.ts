import type { NextConfig } from "next";

// Security headers for every response. 'unsafe-inline' scripts are needed by Next.js's inline
// bootstrap without a nonce; frames are refused outright (the app is never embedded).
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self' https:",
].join("; ");

const nextConfig: NextConfig = {
  // The browser tests build into their own folder (e2e/support/global-setup.ts sets NEXT_DIST_DIR), so
  // `npm test` never rebuilds the `.next` a running demo serves. Build tooling, not app configuration,
  // which is why it is read here and not through lib/env.ts.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The whole repository (app, sandbox, scripts) is type-checked once by `npm run typecheck` in
  // `npm test`; checking again inside every build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers ignore it on plain http (the demo), and keep to https once the app is served over it.
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
