import { listProducts, listProductsQuerySchema } from "@/lib/catalog/list-products";
import { withOrg } from "@/lib/http/route";

export const GET = withOrg(async ({ request, org }) => {
  const query = listProductsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return listProducts({ organizationId: org.organizationId, query });
});
