import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { scheduleConnectionHealthFn } from "./schedule-connection-health";

describe("schedule-connection-health", () => {
  it("fans out one health check per organization with deterministic event ids", async () => {
    const engine = new InngestTestEngine({
      function: scheduleConnectionHealthFn,
      // The fan-out step is mocked: the test engine would otherwise send events to a real server.
      steps: [
        { id: "list-organizations", handler: () => ["org_a", "org_b"] },
        { id: "fan-out", handler: () => ({ ids: ["e1", "e2"] }) },
      ],
    });
    const { result, ctx } = await engine.execute();
    expect(result).toEqual({ scheduled: 2 });
    const sendEvent = ctx.step.sendEvent as unknown as { mock: { calls: [string, { name: string; id: string; data: unknown }[]][] } };
    const [id, events] = sendEvent.mock.calls[0]!;
    expect(id).toBe("fan-out");
    expect(events.map((e) => e.data)).toEqual([
      { organizationId: "org_a", requestedBy: "schedule" },
      { organizationId: "org_b", requestedBy: "schedule" },
    ]);
    expect(events.every((e) => e.name === "connections/health-check.requested")).toBe(true);
    // Ids derive from the run, so a retried step re-sends events the event API deduplicates.
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    expect(events[0]!.id).toMatch(/^health-.+-org_a$/);
  });

  it("sends nothing when there are no organizations", async () => {
    const engine = new InngestTestEngine({ function: scheduleConnectionHealthFn, steps: [{ id: "list-organizations", handler: () => [] }] });
    const { result } = await engine.execute();
    expect(result).toEqual({ scheduled: 0 });
  });
});
