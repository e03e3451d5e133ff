import { db, type Prisma } from "../db";
import type { ActivityLevel } from "../generated/prisma/enums.ts";

export interface RecordActivityOptions {
  organizationId: string;
  type: string;
  message: string;
  level?: ActivityLevel;
  subjectType?: string;
  subjectId?: string;
  data?: Prisma.InputJsonValue;
}

/** Writes one activity entry. Messages must never contain personal data or secrets. */
export async function recordActivity(options: RecordActivityOptions) {
  return db().activityEntry.create({
    data: { ...options, level: options.level ?? "INFO" },
    select: { id: true },
  });
}
