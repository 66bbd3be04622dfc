import { z } from "zod";

/** A catalog assumption as a result states it: the value in force, what it means and its sources. */
export const statedAssumptionSchema = z.strictObject({
  id: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  text: z.string(),
  sources: z.array(z.string()),
});
