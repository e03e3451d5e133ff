import { withPublic } from "@/lib/http/route";
import { receiveTikTokWebhook } from "@/lib/webhooks/receive-tiktok-webhook";

// TikTok waits 3 seconds: verify, dedupe, enqueue, answer. The work happens in the job.
export const POST = withPublic(async ({ request }) => {
  const result = await receiveTikTokWebhook({ rawBody: await request.text(), authorization: request.headers.get("authorization") });
  return { received: true, duplicate: result.duplicate, ...("stale" in result && { ignored: "stale" }) };
});
