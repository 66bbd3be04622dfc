import { z } from "zod";
import { statedAssumptionSchema } from "../catalog/stated-assumption.ts";
import type { Frozen } from "../model/frozen.ts";
import { isoDateSchema } from "../model/iso-date.ts";
import { minorUnitsSchema } from "../model/minor-units.ts";
import { priceListReferenceSchema } from "../price-list/dated-price-list.ts";
import { appliedDiscountSchema } from "./applied-discount.ts";
import { partySchema } from "./party.ts";
import { roundingModes } from "./rounding-mode.ts";

/** Version of the quote JSON; bumped on any incompatible change (see docs/quote.schema.json). */
export const QUOTE_SCHEMA_VERSION = 1;

const sources = z.array(z.string());

/**
 * What a line is: a licence to buy (`server-licence`, `application-licence`, `cal`, `external-connector`), or
 * information at no price (`included-cals` with a server, CALs the customer `owned-cals` already, a guest
 * `covered-by-host`).
 */
export const quoteLineKindSchema = z.enum([
  "server-licence",
  "application-licence",
  "cal",
  "external-connector",
  "included-cals",
  "owned-cals",
  "covered-by-host",
]);

/** One line of a quote. Amounts are integer minor units of the quote's currency. */
export const quoteLineSchema = z.strictObject({
  position: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe("1-based number of a priced line; null for an informational line"),
  kind: quoteLineKindSchema,
  sku: z.string().nullable(),
  description: z.string(),
  detail: z
    .string()
    .describe("why this line and how many: the rule's arithmetic, the CALs it covers"),
  quantity: z
    .number()
    .int()
    .min(0)
    .describe("packs or licences bought; for an informational line, the licences it stands for"),
  packSize: z
    .number()
    .int()
    .min(1)
    .describe("units in one pack (CALs, 2-processor licences, 2-core packs)"),
  unitPrice: minorUnitsSchema,
  amount: minorUnitsSchema.describe("quantity × unitPrice"),
  discount: minorUnitsSchema.describe("this line's share of every discount"),
  net: minorUnitsSchema.describe("amount − discount"),
  informational: z.boolean(),
  subject: z.strictObject({
    server: z.string().optional(),
    product: z.string().optional(),
    family: z.string().optional(),
    version: z.string().optional(),
    type: z
      .enum(["user", "device", "either"])
      .optional()
      .describe("the CAL type; `either` for owned CALs of either type"),
  }),
  rule: z.string(),
  sources,
});

/** A recorded reason for leaving CALs out, as the quote states it. */
export const statedReasonSchema = z.strictObject({
  reason: z.enum(["already-owned", "anonymous-only"]),
  server: z.string().nullable(),
  statement: z.string(),
  rule: z.string(),
  sources,
});

/**
 * A quote: parties, dates, the price list used, line items, discounts and totals (total = subtotal − discounts
 * = sum of line nets, always), the reasons recorded for CALs left out, and the assumptions it rests on.
 */
export const quoteSchema = z
  .strictObject({
    schemaVersion: z.literal(QUOTE_SCHEMA_VERSION),
    number: z.string().nullable(),
    date: isoDateSchema,
    validUntil: isoDateSchema,
    locale: z.string(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    seller: partySchema.nullable(),
    customer: partySchema,
    deployment: z.string(),
    catalogVersion: z.string(),
    priceList: priceListReferenceSchema,
    lines: z.array(quoteLineSchema),
    subtotal: minorUnitsSchema,
    discounts: z.array(appliedDiscountSchema),
    discountTotal: minorUnitsSchema,
    total: minorUnitsSchema,
    rounding: z.enum(roundingModes),
    omittedCals: z.array(statedReasonSchema),
    assumptions: z.array(statedAssumptionSchema),
    notes: z.array(z.string()),
  })
  .describe("calwise quote --json");

/** What a quote line is (see `quoteLineKindSchema`). */
export type QuoteLineKind = z.output<typeof quoteLineKindSchema>;
/** One line of a quote (see `quoteLineSchema`). */
export type QuoteLine = Frozen<z.output<typeof quoteLineSchema>>;
/** A recorded reason for leaving CALs out (see `statedReasonSchema`). */
export type StatedReason = Frozen<z.output<typeof statedReasonSchema>>;
/** A quote (see `quoteSchema`). */
export type Quote = Frozen<z.output<typeof quoteSchema>>;
