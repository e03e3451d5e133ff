import { z } from "zod";
import { streamMappingsCsv } from "@/lib/mapping/csv/export-mappings";
import { withOrg } from "@/lib/http/route";

const querySchema = z.object({ tiktokConnectionId: z.string().min(1, "Choose a TikTok shop to export.").max(40) });

export const GET = withOrg(async ({ request, org }) => {
  const { tiktokConnectionId } = querySchema.parse({ tiktokConnectionId: request.nextUrl.searchParams.get("tiktokConnectionId") ?? "" });
  const { filename, chunks } = await streamMappingsCsv({ organizationId: org.organizationId, tiktokConnectionId });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
