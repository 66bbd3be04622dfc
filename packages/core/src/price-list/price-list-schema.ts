import { z } from "zod";
import type { Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import { minorUnitsSchema } from "../model/minor-units.ts";

const name = z.string().min(1, "a non-empty name");
const minorUnits = minorUnitsSchema.min(0);
const calType = z.enum(["user", "device"]);

const priceItem = z
  .strictObject({
    sku: name,
    family: name.optional(),
    externalConnector: name.optional(),
    product: name.optional(),
    suite: name.optional(),
    version: z.string().optional(),
    type: calType.optional(),
    packSize: z.number().int().min(1).default(1),
    price: minorUnits,
    description: z.string().optional(),
  })
  .refine(
    (p) =>
      [p.family, p.externalConnector, p.product, p.suite].filter((x) => x !== undefined).length ===
      1,
    { message: "a price item names exactly one of family, externalConnector, product or suite" },
  );

/** A price list: SKUs and packs in integer minor units of one currency. Example prices are not Microsoft's. */
export const priceListSchema = z.strictObject({
  name: z.string().default("inline"),
  version: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code such as EUR"),
  items: z.array(priceItem),
});

export type PriceList = z.output<typeof priceListSchema>;
/** A price list as written (defaults such as packSize may be left out). */
export type PriceListInput = z.input<typeof priceListSchema>;
export type PriceItem = PriceList["items"][number];

/** Validates price list data against its schema, with located problems. */
export function validatePriceList(input: unknown): Validated<PriceList> {
  const parsed = priceListSchema.safeParse(input);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
}
