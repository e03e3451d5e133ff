import { searchShopifyVariants, searchVariantsQuerySchema } from "@/lib/mapping/search-variants";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ request, org }) =>
  searchShopifyVariants({ organizationId: org.organizationId, query: searchVariantsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams)) }),
);
