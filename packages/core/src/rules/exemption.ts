import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";

/** An access (or a group of them) that needs no CAL, and why. */
export const exemptionSchema = z.strictObject({
  rule: z.string(),
  sources: z.array(z.string()),
  server: z.string(),
  who: z.string().optional(),
  accesses: z.array(z.number().int().min(0)).describe("indexes of the deployment's access records"),
  explanation: z.string(),
});

/** An access that needs no CAL, and why (see `exemptionSchema`). */
export type Exemption = Frozen<z.output<typeof exemptionSchema>>;
