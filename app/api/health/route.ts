import { checkHealth } from "@/lib/health/check-health";
import { withPublic } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withPublic(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503 });
});
