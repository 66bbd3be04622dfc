import {
  type Quote as BuiltQuote,
  isoDateSchema,
  quoteRequestSchema,
  quoteSchema,
} from "@calwise/core";
import type { Quote } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

const requestShape = quoteRequestSchema.shape;

/** The quote request without its deployment and price lists (the API takes those by id or inline). */
export const quoteTermsSchema = quoteRequestSchema
  .omit({ deployment: true, priceLists: true })
  .extend({
    date: isoDateSchema
      .optional()
      .describe("the quote date; picks the price list (today when absent)"),
    customer: requestShape.customer
      .optional()
      .describe("the customer as the quote prints it; the customer record's name when absent"),
  });

/** What a quote is built from: a customer, a deployment (inline or a stored revision), terms, a price list. */
export const newQuoteSchema = z
  .object({
    customerId: z.string().min(1).max(100),
    deployment: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        "a deployment document inline (docs/deployment.schema.json); or name a stored one with deploymentId",
    }),
    deploymentId: z.string().min(1).max(100).optional(),
    revision: z
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({ description: "the stored deployment's revision; its latest when absent" }),
    priceListId: z.string().min(1).max(100).optional().openapi({
      description:
        "the price list to use; when absent, the organisation's list valid on the quote date in its currency",
    }),
    terms: quoteTermsSchema,
  })
  .refine((body) => (body.deployment === undefined) !== (body.deploymentId === undefined), {
    message: "give either deployment (inline) or deploymentId",
    path: ["deployment"],
  })
  .openapi("NewQuote");

/** The body a quote is built from (see `newQuoteSchema`). */
export type NewQuote = z.output<typeof newQuoteSchema>;

/** What a stored quote's document holds: the built quote and the request it was built from. */
export interface StoredQuoteDocument {
  readonly quote: BuiltQuote;
  readonly request: NewQuote;
  readonly deployment: { readonly id: string; readonly revision: number } | null;
}

/** A stored quote: status and number (per organisation, given when issued) around the built quote. */
export const storedQuoteSchema = z
  .object({
    id: z.string(),
    status: z.enum(["draft", "issued", "accepted", "declined", "withdrawn"]),
    number: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "1, 2, … per organisation once issued" }),
    customerId: z.string().nullable(),
    priceListId: z.string().nullable(),
    deployment: z.object({ id: z.string(), revision: z.number().int() }).nullable(),
    currency: z.string(),
    total: z.number().int().openapi({ description: "minor units of currency" }),
    createdAt: z.string(),
    issuedAt: z.string().nullable(),
    request: newQuoteSchema,
    quote: quoteSchema,
  })
  .openapi("Quote");

/** The `{id}` path parameter of a quote route. */
export const quoteIdParams = z.object({ id: z.string().min(1).max(100) });

/** The built quote as documents show it: an issued quote carries its organisation number. */
export function presentStoredQuote(quote: Quote): BuiltQuote {
  const { quote: built } = quote.document as StoredQuoteDocument;
  return quote.number === null ? built : { ...built, number: String(quote.number) };
}

/** The stored quote as the API shows it. */
export function showQuote(quote: Quote): z.output<typeof storedQuoteSchema> {
  const document = quote.document as StoredQuoteDocument;
  return {
    id: quote.id,
    status: quote.status,
    number: quote.number,
    customerId: quote.customerId,
    priceListId: quote.priceListId,
    deployment: document.deployment,
    currency: quote.currency,
    total: quote.totalMinor,
    createdAt: quote.createdAt,
    issuedAt: quote.issuedAt,
    request: document.request,
    quote: presentStoredQuote(quote) as z.output<typeof quoteSchema>,
  };
}
