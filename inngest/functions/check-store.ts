import { z } from "zod";
import { checkStore } from "@/lib/connections/check-store";
import { inngest } from "../client";

// Invoked, not triggered by an event: its input is checked here.
const input = z.object({ organizationId: z.string().min(1), connectionId: z.string().min(1) });

/**
 * Checks one store (invoked by check-connection-health, once per store). Keyed by the store: a
 * store is checked once at a time whoever asks, and repeated "Check now" presses are spaced so they
 * cannot spend the store's API quota. Its failure fails the invoking health check, whose onFailure
 * records it, so it has no onFailure of its own (that would record the same failure twice).
 */
export const checkStoreFn = inngest.createFunction(
  {
    id: "check-store",
    name: "Check one store",
    concurrency: { key: "event.data.connectionId", limit: 1 },
    throttle: { key: "event.data.connectionId", limit: 6, period: "1m", burst: 2 },
    retries: 2,
  },
  async ({ event, step }) => {
    const { organizationId, connectionId } = input.parse(event.data);
    return step.run("check", () => checkStore({ organizationId, connectionId }));
  },
);
