import { checkConnectionHealthFn } from "./functions/check-connection-health";
import { scheduleConnectionHealthFn } from "./functions/schedule-connection-health";

/** Every Inngest function the app serves at /api/inngest. */
export const functions = [scheduleConnectionHealthFn, checkConnectionHealthFn];
