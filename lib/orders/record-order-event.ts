import { db } from "../db";

export type OrderEventKind = "seen" | "status" | "waiting" | "held" | "created" | "adopted" | "released" | "needs-attention" | "skipped" | "cancelled" | "reference" | "error" | "retry" | "tracking";

/** One line of the order's timeline. Messages never hold buyer data. */
export async function recordOrderEvent(options: { organizationId: string; orderId: string; kind: OrderEventKind; message: string }) {
  await db().orderEvent.create({ data: { organizationId: options.organizationId, orderId: options.orderId, kind: options.kind, message: options.message.slice(0, 1000) } });
}
