import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { expect, it } from "vitest";
import { queryCost } from "../../../sandbox/shopify/cost";
import { loadShopifySchema } from "../../../sandbox/shopify/schema-cache";
import { productsBulkQuery, productsPage, productVariantsPage, productWithVariantsQuery } from "../../platforms/shopify/operations/products";

const schema = loadShopifySchema();

it.each([null, "updated_at:>='2026-01-01T00:00:00.000Z'"])("the bulk query with search %j passes the Admin 2026-10 schema", (search) => {
  const document = parse(productsBulkQuery(search));
  expect(validate(schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message)).toEqual([]);
});

it("every catalog page stays under Shopify's 1,000-point single query limit", () => {
  for (const op of [productsPage, productWithVariantsQuery, productVariantsPage]) {
    const { cost } = queryCost({ schema, document: parse(op.document), operationName: op.name });
    expect(cost, op.name).toBeLessThanOrEqual(1000);
  }
});
