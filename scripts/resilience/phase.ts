import type { Harness } from "./harness";
import type { Tenant } from "./tenant";

export interface Check {
  name: string;
  expected: number;
  actual: number;
}

export interface PhaseResult {
  checks: Check[];
  notes?: string[];
}

/** One stage of the run (orders now; fulfillment back to TikTok can follow on the same tenant). */
export interface Phase {
  name: string;
  run(context: { h: Harness; tenant: Tenant; log: (line: string) => void }): Promise<PhaseResult>;
}
