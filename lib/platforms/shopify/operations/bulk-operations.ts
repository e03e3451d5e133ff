// Bulk operations: start a bulk query, then poll the operation by id (`currentBulkOperation` is
// deprecated in 2026-10). The result is a JSONL file at `url`, one line per node.
import { z } from "zod";
import { userErrorSchema } from "../errors";
import { defineOperation } from "./define-operation";

export const bulkOperationSchema = z.object({
  id: z.string(),
  status: z.string(),
  errorCode: z.string().nullish(),
  url: z.string().nullish(),
  partialDataUrl: z.string().nullish(),
  objectCount: z.coerce.number().nullish(),
  rootObjectCount: z.coerce.number().nullish(),
});
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

export const bulkOperationRunQuery = defineOperation({
  name: "BulkOperationRunQuery",
  document: /* GraphQL */ `
    mutation BulkOperationRunQuery($query: String!, $groupObjects: Boolean!) {
      bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
        bulkOperation {
          id
          status
          errorCode
          url
          partialDataUrl
          objectCount
          rootObjectCount
        }
        userErrors {
          field
          message
        }
      }
    }
  `,
  estimatedCost: 12,
  data: z.object({
    bulkOperationRunQuery: z.object({ bulkOperation: bulkOperationSchema.nullable(), userErrors: z.array(userErrorSchema) }),
  }),
});

export const bulkOperationById = defineOperation({
  name: "BulkOperationById",
  document: /* GraphQL */ `
    query BulkOperationById($id: ID!) {
      bulkOperation(id: $id) {
        id
        status
        errorCode
        url
        partialDataUrl
        objectCount
        rootObjectCount
      }
    }
  `,
  estimatedCost: 1,
  data: z.object({ bulkOperation: bulkOperationSchema.nullable() }),
});
