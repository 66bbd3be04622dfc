import { datedPriceListSchema, quoteRequestSchema } from "@calwise/core";
import { z } from "zod";

/**
 * The quote file (docs/quotes.md): the core's quote request, whose deployment and price lists are inline only,
 * plus the file forms: a deployment file and price list files, relative to the quote file and inside its folder.
 */
export const quoteFileSchema = quoteRequestSchema.extend({
  deployment: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .describe("a deployment file (relative to the quote file) or the deployment inline"),
  priceLists: z
    .array(z.union([z.string(), datedPriceListSchema]))
    .default([])
    .describe("price list files (CSV, YAML or JSON), or price lists inline"),
});
