import { z } from "zod";
import type { Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import { isoDateSchema } from "../model/iso-date.ts";
import { priceListSchema } from "./price-list-schema.ts";

/**
 * A reseller's price list with the dates it is valid (both optional, both inclusive): the deployment price list
 * schema plus `validFrom`/`validTo`. A reseller keeps several; a quote takes the one valid on its date.
 */
export const datedPriceListSchema = priceListSchema.extend({
  validFrom: isoDateSchema.optional().describe("first day the prices apply (inclusive)"),
  validTo: isoDateSchema.optional().describe("last day the prices apply (inclusive)"),
});

/** A price list with its validity, and the file it came from when an adapter read one. */
export type DatedPriceList = z.output<typeof datedPriceListSchema> & { readonly source?: string };

/** The list's identity as a quote records it. */
export const priceListReferenceSchema = z.strictObject({
  name: z.string(),
  version: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  source: z.string().nullable().describe("the file it was read from, when an adapter read one"),
});

/** The list's identity as a quote records it (see `priceListReferenceSchema`). */
export type PriceListReference = z.output<typeof priceListReferenceSchema>;

/** How a quote names the price list it used. */
export function referencePriceList(list: DatedPriceList): PriceListReference {
  return {
    name: list.name,
    version: list.version ?? null,
    validFrom: list.validFrom ?? null,
    validTo: list.validTo ?? null,
    source: list.source ?? null,
  };
}

/** The price list in the deployment schema's shape (without validity and source), for the engine. */
export function toEnginePriceList(list: DatedPriceList): z.output<typeof priceListSchema> {
  return {
    name: list.name,
    ...(list.version !== undefined ? { version: list.version } : {}),
    currency: list.currency,
    items: list.items,
  };
}

/** Validates a price list file's data (the price list schema plus validity), with located problems. */
export function validateDatedPriceList(input: unknown): Validated<DatedPriceList> {
  const parsed = datedPriceListSchema.safeParse(input);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
}
