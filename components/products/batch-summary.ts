import type { MappingBatchView } from "./product-types";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The notification's headline when a mapping batch ends: "N products mapped, M failed". */
export function batchHeadline(batch: MappingBatchView): string {
  if (batch.status === "FAILED") return `Mapping stopped with an error after ${plural(batch.mappedProducts, "product")}. Run Bulk auto-map again for the rest.`;
  return `${plural(batch.mappedProducts, "product")} mapped, ${batch.failures.length} failed`;
}

export const batchFinished = (batch: MappingBatchView) => batch.status === "SUCCEEDED" || batch.status === "FAILED";
