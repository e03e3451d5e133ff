// TikTok's refusals of a tracking correction, in words a merchant can act on.
const EDIT_WINDOW_PASSED = 21011050;
const EDITED_ONCE = 21011051;
const DELIVERED = 21011030;
const CANCELLED = 21011042;

export function trackingCorrectionRefusal({ code, platformMessage, from, to }: { code: number | null; platformMessage: string; from: string | null; to: string }): string {
  const change = `The tracking changed in Shopify from ${from ?? "none"} to ${to}, but TikTok still has ${from ?? "none"}:`;
  switch (code) {
    case EDIT_WINDOW_PASSED:
      return `${change} TikTok accepts a tracking correction only within 72 hours of shipping. Correct it in TikTok Seller Center.`;
    case EDITED_ONCE:
      return `${change} TikTok accepts one tracking correction per package, and it was used. Correct it in TikTok Seller Center.`;
    case DELIVERED:
      return `${change} the package was delivered already, so TikTok no longer takes corrections.`;
    case CANCELLED:
      return `${change} the TikTok order was cancelled.`;
    default:
      return `${change} TikTok refused the correction (${platformMessage}).`;
  }
}
