import { z } from "zod";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Organization name must be at least 2 characters.")
  .max(80, "Organization name must be at most 80 characters.");

const timeZones = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));

export const timeZoneSchema = z.string().refine((tz) => timeZones.has(tz), "Choose a valid time zone.");

export const updateOrganizationSchema = z
  .object({ name: organizationNameSchema.optional(), timeZone: timeZoneSchema.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.timeZone !== undefined, "Nothing to update.");

export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;
