import { z } from "zod";

/** A seller or customer as a quote prints it. */
export const partySchema = z.strictObject({
  name: z.string().min(1, "a non-empty name"),
  contact: z.string().optional(),
  address: z.array(z.string()).default([]).describe("address lines, printed as given"),
  email: z.string().optional(),
  taxId: z.string().optional(),
});

/** A seller or customer (see `partySchema`). */
export type Party = z.output<typeof partySchema>;
