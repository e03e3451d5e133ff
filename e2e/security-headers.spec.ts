import { expect, test } from "./support/fixtures";

// Every kind of response (a page, an API answer, an error, a static asset) carries the same security
// headers, set once in next.config.ts.
const paths = ["/sign-in", "/api/health", "/api/me/organizations", "/no-such-page"];

for (const path of paths) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["x-powered-by"]).toBeUndefined();
  });
}
