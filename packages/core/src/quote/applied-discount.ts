import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";
import { minorUnitsSchema } from "../model/minor-units.ts";
import { roundingModes } from "./rounding-mode.ts";

/** What a discount applies to: every priced line, the server licence lines, or the CAL and connector lines. */
export const discountScopeSchema = z.enum(["all", "server-licences", "cals"]);

/** What a discount applies to (see `discountScopeSchema`). */
export type DiscountScope = z.output<typeof discountScopeSchema>;

/** One applied discount: what it was taken of, how much, and how much of it each line carries. */
export const appliedDiscountSchema = z.strictObject({
  label: z.string(),
  appliesTo: discountScopeSchema,
  basisPoints: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe("a percentage in basis points"),
  base: minorUnitsSchema.describe(
    "the in-scope net it was taken of (after the discounts before it)",
  ),
  amount: minorUnitsSchema.describe(
    "the discount in minor units (positive; subtracted from the subtotal)",
  ),
  allocation: z
    .array(minorUnitsSchema)
    .describe(
      "per line, in line order: the share of this discount it carries (0 for lines out of scope)",
    ),
  rounding: z.enum(roundingModes),
});

/** One applied discount (see `appliedDiscountSchema`). */
export type AppliedDiscount = Frozen<z.output<typeof appliedDiscountSchema>>;
