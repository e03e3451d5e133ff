// Every document in this folder must pass the real Admin 2026-10 schema: a document that would fail on
// Shopify fails here. The schema comes from sandbox/shopify/schema-cache (the official npm package).
import fs from "node:fs";
import path from "node:path";
import { getOperationAST, NoDeprecatedCustomRule, parse, specifiedRules, validate, type GraphQLEnumType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCost } from "../../../../sandbox/shopify/cost";
import { loadShopifySchema } from "../../../../sandbox/shopify/schema-cache";
import { SHOPIFY_PRIVACY_TOPICS, SHOPIFY_SUBSCRIPTION_TOPICS } from "../topics";
import { isShopifyOperation, type ShopifyOperation } from "./define-operation";

const dir = path.dirname(new URL(import.meta.url).pathname);
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "define-operation.ts");
const found: { file: string; exportName: string; operation: ShopifyOperation<unknown> }[] = [];
let schema: ReturnType<typeof loadShopifySchema>;

beforeAll(async () => {
  schema = loadShopifySchema();
  for (const file of files) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    const ops = Object.entries(mod).filter(([, v]) => isShopifyOperation(v));
    expect(ops.length, `${file} exports no operation`).toBeGreaterThan(0);
    for (const [exportName, operation] of ops) found.push({ file, exportName, operation: operation as ShopifyOperation<unknown> });
  }
});

describe("Shopify operations", () => {
  it("finds the connection flow's operations", () => {
    expect(found.map((f) => f.operation.name).sort()).toEqual(
      expect.arrayContaining(["ShopDetails", "WebhookSubscriptionCreate", "WebhookSubscriptionDelete", "WebhookSubscriptions"]),
    );
  });

  it("validates every document against the Admin 2026-10 schema, without deprecated fields", () => {
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const { file, exportName, operation } of found) {
      const document = parse(operation.document);
      const label = `${file} ${exportName}`;
      expect(validate(schema, document).map((e) => e.message), label).toEqual([]);
      expect(validate(schema, document, [...specifiedRules, NoDeprecatedCustomRule]).map((e) => e.message), label).toEqual([]);
      expect(getOperationAST(document)?.name?.value, label).toBe(operation.name);
    }
  });

  it("declares each document's requested cost", () => {
    for (const { exportName, operation } of found) {
      const { cost, problems } = queryCost({ schema, document: parse(operation.document), operationName: operation.name });
      expect(problems, exportName).toEqual([]);
      expect(operation.estimatedCost, exportName).toBe(cost);
    }
  });

  it("subscribes only to topics the schema knows, and never to the privacy topics", () => {
    const values = (schema.getType("WebhookSubscriptionTopic") as GraphQLEnumType).getValues().map((v) => v.name);
    for (const graphqlTopic of Object.values(SHOPIFY_SUBSCRIPTION_TOPICS)) expect(values).toContain(graphqlTopic);
    for (const topic of SHOPIFY_PRIVACY_TOPICS) expect(values).not.toContain(topic.replace("/", "_").toUpperCase());
  });

  it("would catch a document Shopify refuses", () => {
    const bad = parse("query { shop { name sku } webhookSubscriptionCreate }");
    expect(validate(schema, bad).length).toBeGreaterThan(0);
  });
});
