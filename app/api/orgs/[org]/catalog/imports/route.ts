import { requestImport, requestImportSchema } from "@/lib/catalog/request-import";
import { parseJsonBody } from "@/lib/http/parse";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => {
  const { connectionId } = await parseJsonBody(request, requestImportSchema);
  return Response.json(await requestImport({ org, connectionId }), { status: 202 });
});
