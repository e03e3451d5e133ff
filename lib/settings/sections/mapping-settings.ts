import { z } from "zod";
import { defineSection } from "../define-section";

export const mappingSettings = defineSection({
  key: "mapping",
  title: "Mapping",
  schema: z.object({
    /** New TikTok products are mapped by exact seller SKU as they arrive; the rest go to Needs attention. */
    autoMapNewProducts: z.boolean().default(false),
  }),
});
