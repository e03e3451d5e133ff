import { withPublic } from "@/lib/http/route";
import { receiveShopifyWebhook } from "@/lib/webhooks/receive-shopify-webhook";

// Shopify waits 5 seconds: verify, dedupe, enqueue, answer. The work happens in the job.
export const POST = withPublic(async ({ request }) => {
  const result = await receiveShopifyWebhook({ rawBody: await request.text(), headers: request.headers, endpoint: "main" });
  return { received: true, duplicate: result.duplicate, ...("stale" in result && { ignored: "stale" }) };
});
