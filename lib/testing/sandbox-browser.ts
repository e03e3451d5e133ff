// For integration tests: what a merchant's browser does on the sandbox's consent pages. It opens
// the page, submits the form, and returns where the platform redirects (the app's callback URL).

const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

async function submitConsent(authorizeUrl: string, extra: Record<string, string>): Promise<URL> {
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  // An app already installed with the requested scopes goes straight back, as on Shopify.
  const direct = page.headers.get("location");
  if (page.status >= 300 && page.status < 400 && direct) return new URL(direct, authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 300)}`);
  const form = /<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error("no form on the consent page");
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1]!, unescapeHtml(m[2]!));
  for (const [name, value] of Object.entries(extra)) fields.set(name, value);
  const posted = await fetch(new URL(unescapeHtml(form[1]!), authorizeUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
    redirect: "manual",
  });
  const location = posted.headers.get("location");
  if (posted.status !== 302 || !location) throw new Error(`the consent form answered ${posted.status}`);
  return new URL(location);
}

/** Shopify's install page: "Install app". */
export function installShopifyApp(authorizeUrl: string): Promise<URL> {
  return submitConsent(authorizeUrl, { decision: "install" });
}

/** TikTok's seller authorization page: pick the seller, "Authorize" (or "Cancel"). */
export function authorizeTikTokSeller(authorizeUrl: string, sellerId: string, action: "authorize" | "cancel" = "authorize"): Promise<URL> {
  return submitConsent(authorizeUrl, { seller_id: sellerId, action });
}

/** The sandbox's JSON control API. */
export async function sandboxControl<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T> {
  const base = process.env.FERRY_TEST_SANDBOX_URL;
  if (!base) throw new Error("FERRY_TEST_SANDBOX_URL is not set: lib/testing/platforms-setup.ts must run as a vitest globalSetup.");
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox ${method} ${route} → ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}
