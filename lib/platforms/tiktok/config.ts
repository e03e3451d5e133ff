/**
 * What the TikTok Shop client needs to know, passed in by the caller (lib/env.ts owns the environment).
 * Real hosts: apiBaseUrl https://open-api.tiktokglobalshop.com, authBaseUrl https://auth.tiktok-shops.com,
 * authorizeUrl https://services.tiktokshop.com/open/authorize (US: https://services.tiktokshops.us/open/authorize).
 * The sandbox serves the same contract under http://127.0.0.1:4010/tiktok/{open-api,auth,oauth/authorize}.
 */
export interface TikTokConfig {
  apiBaseUrl: string;
  authBaseUrl: string;
  authorizeUrl: string;
  appKey: string;
  appSecret: string;
  serviceId: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; signatures carry this clock, so it must be the real one outside tests. */
  now?: () => number;
}

export interface ResolvedTikTokConfig extends Required<Omit<TikTokConfig, "fetch" | "now">> {
  fetch: typeof fetch;
  now: () => number;
}

export function resolveTikTokConfig(config: TikTokConfig): ResolvedTikTokConfig {
  return {
    ...config,
    apiBaseUrl: config.apiBaseUrl.replace(/\/+$/, ""),
    authBaseUrl: config.authBaseUrl.replace(/\/+$/, ""),
    // wrapped so a bare global fetch is never called with another `this`
    fetch: config.fetch ?? ((input, init) => fetch(input, init)),
    now: config.now ?? Date.now,
  };
}
