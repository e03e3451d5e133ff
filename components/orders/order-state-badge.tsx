import { Badge } from "../ui/badge";
import type { OrderState } from "./use-orders";

const labels: Record<OrderState, [string, "neutral" | "brand" | "success" | "warning" | "danger"]> = {
  WAITING: ["Waiting", "neutral"],
  HELD: ["Held", "brand"],
  CREATED: ["Created", "success"],
  NEEDS_ATTENTION: ["Needs attention", "danger"],
  SKIPPED: ["Skipped", "neutral"],
  CANCELLED: ["Cancelled", "warning"],
  FULFILLED: ["Fulfilled", "success"],
  TRACKING_SENT: ["Tracking sent", "success"],
};

export const orderStateLabel = (state: OrderState) => labels[state][0];

export function OrderStateBadge({ state }: { state: OrderState }) {
  const [label, tone] = labels[state];
  return <Badge tone={tone}>{label}</Badge>;
}
