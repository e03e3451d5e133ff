import { inngest } from "@/inngest/client";
import { tiktokOrderChanged } from "@/inngest/events";
import { ordersUnblockedByMapping } from "./poll-shop-orders";

/**
 * After SKUs were mapped: the orders that waited only for them are imported at once (the poll would find
 * them within minutes anyway). `key` names the mapping change, so a repeated call queues nothing new.
 */
export async function retryOrdersUnblockedByMapping({ organizationId, tiktokConnectionId, key }: { organizationId: string; tiktokConnectionId: string; key: string }): Promise<number> {
  const orders = await ordersUnblockedByMapping({ organizationId, tiktokConnectionId });
  if (orders.length === 0) return 0;
  await inngest.send(orders.map((tiktokOrderId) => tiktokOrderChanged.create({ organizationId, tiktokConnectionId, tiktokOrderId, source: "mapping" }, { id: `order-mapped-${key}-${tiktokOrderId}` })));
  return orders.length;
}
