import { importMappingsCsv } from "@/lib/mapping/csv/import-mappings";
import { parseImportRequest } from "@/lib/mapping/csv/parse-import-request";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ request, org }) => importMappingsCsv({ org, ...(await parseImportRequest(request)) }));
