import { db } from "../db";
import type { NotificationLevel } from "../generated/prisma/enums.ts";

export interface RaiseNotificationOptions {
  organizationId: string;
  kind: string;
  level?: NotificationLevel;
  title: string;
  body: string;
  /** An app path where the member can fix or look at it. */
  href?: string;
  /**
   * Raising the same key twice keeps the first: a retried job step, or the same problem seen by two
   * runs, notifies once. Leave it out only for notifications that can never repeat.
   */
  dedupeKey?: string;
}

/** Tells the organization's members about something that needs a person. Never holds personal data or secrets. */
export async function raiseNotification({ level = "INFO", ...options }: RaiseNotificationOptions): Promise<void> {
  await db().notification.createMany({ data: [{ ...options, level }], skipDuplicates: true });
}
