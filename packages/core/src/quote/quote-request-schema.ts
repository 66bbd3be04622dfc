import { z } from "zod";
import type { Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import { isoDateSchema } from "../model/iso-date.ts";
import { minorUnitsSchema } from "../model/minor-units.ts";
import { datedPriceListSchema } from "../price-list/dated-price-list.ts";
import { discountScopeSchema } from "./applied-discount.ts";
import { partySchema } from "./party.ts";
import { roundingModes } from "./rounding-mode.ts";

const name = z.string().min(1, "a non-empty name");
const minorUnits = minorUnitsSchema.min(0);

const discount = z
  .strictObject({
    label: name,
    percent: z
      .union([z.number(), z.string()])
      .optional()
      .describe("a percentage with at most two decimals, e.g. 7.5"),
    amount: minorUnits.optional().describe("a fixed amount in minor units"),
    appliesTo: discountScopeSchema.default("all"),
  })
  .refine((d) => (d.percent === undefined) !== (d.amount === undefined), {
    message: "a discount has either percent or amount",
  });

const alreadyOwned = z.strictObject({
  reason: z.literal("already-owned"),
  server: name
    .optional()
    .describe("the server this explains; all servers needing the family if absent"),
  family: name.describe("a CAL family id from `calwise catalog`"),
  version: z.string().min(1),
  type: z.enum(["user", "device", "either"]),
  quantity: z.number().int().min(1),
  note: z.string().optional().describe("where they come from: agreement, invoice"),
});

const anonymousOnly = z.strictObject({
  reason: z.literal("anonymous-only"),
  server: name,
  note: z.string().optional().describe("what the anonymous access is"),
});

/** A recorded reason why a quote has no CALs for a server. */
export const omittedCalsReasonSchema = z.discriminatedUnion("reason", [
  alreadyOwned,
  anonymousOnly,
]);

/** The quote request as data: who it is for, what is quoted (a deployment), how it is priced and why CALs are left out. */
export const quoteRequestSchema = z.strictObject({
  schemaVersion: z.literal(1).default(1),
  number: z.string().optional().describe("the quote number"),
  date: isoDateSchema.describe(
    "the quote date; picks the price list (the CLI uses today when absent)",
  ),
  validUntil: isoDateSchema.optional(),
  validForDays: z.number().int().min(1).max(366).default(30).describe("when validUntil is absent"),
  locale: z.string().default("en-GB").describe("how amounts are written, e.g. pl-PL, de-DE"),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 currency code such as EUR"),
  seller: partySchema.optional(),
  customer: partySchema,
  // Inline only: a quote given as data (an HTTP body) must never make calwise read a file. The CLI's file form
  // (node-files) resolves a deployment or price list path before this schema sees the request.
  deployment: z
    .record(z.string(), z.unknown(), {
      error: (issue) =>
        typeof issue.input === "string"
          ? "the deployment inline: a quote given as data cannot name a file"
          : undefined,
    })
    .describe("the deployment inline"),
  priceLists: z
    .array(
      z.strictObject(datedPriceListSchema.shape, {
        error: (issue) =>
          typeof issue.input === "string"
            ? "a price list inline: a quote given as data cannot name a file"
            : undefined,
      }),
    )
    .default([])
    .describe("price lists inline (the price list schema plus validFrom/validTo)"),
  rounding: z.enum(roundingModes).default("half-even"),
  discounts: z.array(discount).default([]),
  omittedCals: z.array(omittedCalsReasonSchema).default([]),
  notes: z.array(z.string()).default([]),
});

export type QuoteRequestInput = z.input<typeof quoteRequestSchema>;
/** A validated quote request; `deployment` holds the deployment data (an adapter inlines a file). */
export type QuoteRequest = Omit<z.output<typeof quoteRequestSchema>, "deployment"> & {
  readonly deployment: unknown;
};
export type OmittedCalsReason = z.output<typeof omittedCalsReasonSchema>;

/** Validates quote request data against the schema, with located problems. */
export function validateQuoteRequest(
  input: unknown,
): Validated<z.output<typeof quoteRequestSchema>> {
  const parsed = quoteRequestSchema.safeParse(input);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
}
