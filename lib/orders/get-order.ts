import { db } from "../db";
import { notFound } from "../errors";
import { orderSelect, orderView, shopsOf } from "./list-orders";

/** One order with its timeline (newest last); another organization's order is not found. */
export async function getOrder({ organizationId, orderId }: { organizationId: string; orderId: string }) {
  const row = await db().tikTokOrder.findFirst({ where: { id: orderId, organizationId }, select: orderSelect });
  if (!row) throw notFound("Order not found.");
  const [shops, events] = await Promise.all([
    shopsOf(organizationId),
    db().orderEvent.findMany({ where: { orderId: row.id, organizationId }, orderBy: [{ at: "asc" }, { id: "asc" }], take: 200, select: { id: true, kind: true, message: true, at: true } }),
  ]);
  return { order: orderView(row, shops), timeline: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
