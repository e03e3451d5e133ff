import { db, type Prisma } from "../db";
import type { ActivityLevel } from "../generated/prisma/enums.ts";

export interface RecordActivityOptions {
  organizationId: string;
  type: string;
  message: string;
  level?: ActivityLevel;
  subjectType?: string;
  subjectId?: string;
  /** The store it concerns; defaults to the subject when the subject is a connection. */
  connectionId?: string;
  data?: Prisma.InputJsonValue;
}

/** Writes one activity entry. Messages must never contain personal data or secrets. */
export async function recordActivity(options: RecordActivityOptions) {
  return db().activityEntry.create({
    data: { ...options, level: options.level ?? "INFO", connectionId: options.connectionId ?? (options.subjectType === "connection" ? options.subjectId : undefined) },
    select: { id: true },
  });
}
