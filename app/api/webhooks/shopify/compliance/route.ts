import { withPublic } from "@/lib/http/route";
import { receiveShopifyWebhook } from "@/lib/webhooks/receive-shopify-webhook";

// The app configuration's compliance address: customers/data_request, customers/redact, shop/redact.
export const POST = withPublic(async ({ request }) => {
  const result = await receiveShopifyWebhook({ rawBody: await request.text(), headers: request.headers, endpoint: "compliance" });
  return { received: true, duplicate: result.duplicate, ...("stale" in result && { ignored: "stale" }) };
});
