import { requestHealthCheck } from "@/lib/connections/request-health-check";
import { withOrg } from "@/lib/http/route";

export const POST = withOrg(async ({ org }) => Response.json(await requestHealthCheck({ org }), { status: 202 }));
