// Points the app at the platform sandbox: the same env names production uses, with the sandbox's
// base URLs, and the app registered in the sandbox with its redirect and webhook addresses.

export interface SandboxAppCredentials {
  TIKTOK_APP_KEY: string;
  TIKTOK_APP_SECRET: string;
  SHOPIFY_CLIENT_ID: string;
  SHOPIFY_CLIENT_SECRET: string;
}

export function sandboxPlatformEnv(sandboxUrl: string, credentials: SandboxAppCredentials): Record<string, string> {
  return {
    ...credentials,
    TIKTOK_SERVICE_ID: credentials.TIKTOK_APP_KEY,
    TIKTOK_API_BASE_URL: `${sandboxUrl}/tiktok/open-api`,
    TIKTOK_AUTH_BASE_URL: `${sandboxUrl}/tiktok/auth`,
    TIKTOK_AUTHORIZE_URL: `${sandboxUrl}/tiktok/oauth/authorize`,
    SHOPIFY_ADMIN_BASE_URL: `${sandboxUrl}/shopify/{shop}`,
  };
}

export function sandboxAppRegistrations(appUrl: string, credentials: SandboxAppCredentials) {
  return {
    tiktok: {
      appKey: credentials.TIKTOK_APP_KEY,
      appSecret: credentials.TIKTOK_APP_SECRET,
      serviceId: credentials.TIKTOK_APP_KEY,
      redirectUrl: `${appUrl}/api/connect/tiktok/callback`,
      webhookUrl: `${appUrl}/api/webhooks/tiktok`,
    },
    shopify: {
      clientId: credentials.SHOPIFY_CLIENT_ID,
      clientSecret: credentials.SHOPIFY_CLIENT_SECRET,
      redirectUrl: `${appUrl}/api/connect/shopify/callback`,
      complianceWebhookUrl: `${appUrl}/api/webhooks/shopify/compliance`,
    },
  };
}

/** Registers the app on both sandbox platforms (idempotent: a second call replaces the first). */
export async function registerSandboxApps(sandboxUrl: string, appUrl: string, credentials: SandboxAppCredentials): Promise<void> {
  const apps = sandboxAppRegistrations(appUrl, credentials);
  for (const [platform, app] of Object.entries(apps)) {
    const response = await fetch(`${sandboxUrl}/__sandbox/apps`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ platform, ...app }),
    });
    if (!response.ok) throw new Error(`Registering the app with the ${platform} sandbox failed: ${response.status} ${await response.text()}`);
  }
}
