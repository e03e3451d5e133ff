import type { z } from "zod";
import type { Prisma } from "../db";

/**
 * One section of the sync settings (mapping, product sync, orders, ...). Every field of `schema`
 * has a default, so a section stored by an older version parses with the new fields filled in, and
 * an empty object parses to the defaults.
 */
export interface SettingsSection<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  key: K;
  title: string;
  schema: S;
  /** Only for a shop (the pairing): fields that name its warehouses or locations, say. */
  shopOnly?: boolean;
  /**
   * Runs before a change is saved, inside the transaction that saves it; throws an AppError to refuse
   * it (for example "confirm the overwrite preview first").
   */
  beforeSave?: (change: SectionChange<z.infer<S>>) => Promise<void>;
  /** Runs after the change is committed: start the work it asks for (a sync once auto-sync is on, say). */
  afterSave?: (change: Omit<SectionChange<z.infer<S>>, "tx" | "confirmation">) => Promise<void>;
}

export interface SectionChange<T> {
  organizationId: string;
  /** null for the organization's defaults. */
  tiktokConnectionId: string | null;
  previous: T;
  next: T;
  /** Whatever the client sent beside the value (a preview confirmation, for instance). */
  confirmation: unknown;
  /** The saving transaction: reads in the check go through it (another connection would wait on its lock). */
  tx: Prisma.TransactionClient;
}

export function defineSection<const K extends string, S extends z.ZodObject>(section: SettingsSection<K, S>): SettingsSection<K, S> {
  return section;
}
