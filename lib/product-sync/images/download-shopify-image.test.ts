import { describe, expect, it } from "vitest";
import { isShopifyImageUrl } from "./download-shopify-image";

describe("isShopifyImageUrl", () => {
  it.each([
    ["https://cdn.shopify.com/s/files/1/0/tee.png?v=17", "https://{shop}", true],
    ["http://cdn.shopify.com/s/files/tee.png", "https://{shop}", false],
    ["https://cdn.shopify.com:8443/tee.png", "https://{shop}", false],
    ["https://user:pw@cdn.shopify.com/tee.png", "https://{shop}", false],
    ["https://cdn.shopify.com.evil.test/tee.png", "https://{shop}", false],
    ["https://acme.myshopify.com/tee.png", "https://{shop}", false],
    ["http://169.254.169.254/latest/meta-data", "https://{shop}", false],
    ["not a url", "https://{shop}", false],
    // a Shopify stand-in on a fixed host serves its own image files
    ["http://127.0.0.1:4010/shopify/cdn/images/800x800/a.png", "http://127.0.0.1:4010/shopify/{shop}", true],
    ["http://127.0.0.1:4011/shopify/cdn/images/800x800/a.png", "http://127.0.0.1:4010/shopify/{shop}", false],
  ])("%s with %s: %s", (url, adminBaseUrl, allowed) => {
    expect(isShopifyImageUrl(url, adminBaseUrl)).toBe(allowed);
  });
});
