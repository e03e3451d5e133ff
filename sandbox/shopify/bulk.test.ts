import { describe, expect, it } from "vitest";
import { call, fakeContext, gql, installedShop, SHOP } from "./test-context";

const RUN = `mutation($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) { bulkOperation { id status url } userErrors { field message code } } }`;

async function seeded() {
  const ctx = fakeContext();
  const { access_token: token } = await installedShop(ctx);
  await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, {
    body: { products: [
      { title: "Tee", descriptionHtml: "", variants: [{ sku: "TEE-S", barcode: "1", price: "20.00", inventoryQuantity: 5 }, { sku: "TEE-M", price: "21.00", inventoryQuantity: 2 }] },
      { title: "Mug", descriptionHtml: "", variants: [{ sku: "MUG", price: "9.00", inventoryQuantity: 0 }] },
    ] },
  });
  return { ctx, token };
}

describe("bulk operations", () => {
  it("produces a JSONL file with __parentId lines, readable through node(id:) and bulkOperations", async () => {
    const { ctx, token } = await seeded();
    const query = `{ products { edges { node { id title variants { edges { node { id sku price inventoryQuantity } } } } } } }`;
    const run = await gql(ctx, token, RUN, { q: query });
    expect(run.body.data!.bulkOperationRunQuery.userErrors).toEqual([]);
    const op = run.body.data!.bulkOperationRunQuery.bulkOperation;
    expect(op.status).toBe("CREATED");
    const polled = await gql(ctx, token, `{ node(id: "${op.id}") { ... on BulkOperation { status objectCount rootObjectCount url fileSize } } }`);
    const done = polled.body.data!.node;
    expect(done).toMatchObject({ status: "COMPLETED", objectCount: "5", rootObjectCount: "2" });
    expect(done.url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/shopify\/files\/bulk\/.+\.jsonl$/);
    const file = await call(ctx, "GET", new URL(done.url).pathname);
    expect(file.status).toBe(200);
    expect(Buffer.byteLength(file.body as string)).toBe(Number(done.fileSize));
    const lines = (file.body as string).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ id: expect.stringMatching(/^gid:\/\/shopify\/Product\//), title: "Tee" });
    expect(lines[1]).toEqual({ id: expect.stringMatching(/ProductVariant/), sku: "TEE-S", price: "20.00", inventoryQuantity: 5, __parentId: lines[0].id });
    expect(lines.filter((l) => l.__parentId === undefined).map((l) => l.title)).toEqual(["Tee", "Mug"]);
    const list = await gql(ctx, token, `{ bulkOperations(first: 5, query: "status:COMPLETED") { nodes { id status } } bulkOperation(id: "${op.id}") { status } }`);
    expect(list.body.data!.bulkOperations.nodes).toEqual([{ id: op.id, status: "COMPLETED" }]);
    expect(list.body.data!.bulkOperation.status).toBe("COMPLETED");
  });

  it("refuses invalid bulk queries with userErrors", async () => {
    const { ctx, token } = await seeded();
    const cases: [string, RegExp][] = [
      ["{ products { edges { node { sku } } } }", /doesn't exist|Cannot query field "sku"/],
      ["{ shop { name } }", /at least one connection/],
      ["{ products { edges { node { title variants { edges { node { sku } } } } } } }", /must select the 'id' field/],
      ["{ products { edges ", /Invalid bulk query/],
    ];
    for (const [q, message] of cases) {
      const res = await gql(ctx, token, RUN, { q });
      expect(res.body.data!.bulkOperationRunQuery.bulkOperation).toBeNull();
      expect(res.body.data!.bulkOperationRunQuery.userErrors[0].message).toMatch(message);
    }
  });
});
