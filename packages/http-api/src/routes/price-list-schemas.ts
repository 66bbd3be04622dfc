import { type DatedPriceList, datedPriceListSchema } from "@calwise/core";
import type { PriceList } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** A price list document as the CLI reads it from YAML or JSON (the deployment price list plus validity). */
export const priceListDocumentSchema = datedPriceListSchema;

/** A stored price list: its identity, validity and the document quotes are priced from. */
export const priceListSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string().nullable(),
    currency: z.string(),
    validFrom: z.string().openapi({ description: "first day it applies (YYYY-MM-DD, inclusive)" }),
    validTo: z
      .string()
      .nullable()
      .openapi({ description: "last day it applies (inclusive); null while open-ended" }),
    items: z.number().int().openapi({ description: "how many SKUs it prices" }),
    source: z.string().nullable().openapi({
      description: "the file name it was stored under (quotes name the list by it)",
    }),
    createdAt: z.string(),
    document: priceListDocumentSchema,
  })
  .openapi("PriceList");

/** The `{id}` path parameter of a price list route. */
export const priceListIdParams = z.object({ id: z.string().min(1).max(100) });

/** The stored list as the API shows it; validity comes from the record (retiring changes it). */
export function showPriceList(list: PriceList): z.output<typeof priceListSchema> {
  const { source, ...document } = list.document as DatedPriceList;
  return {
    id: list.id,
    name: list.name,
    version: document.version ?? null,
    currency: list.currency,
    validFrom: list.validFrom,
    validTo: list.validTo,
    items: document.items.length,
    source: source ?? null,
    createdAt: list.createdAt,
    document: {
      ...document,
      validFrom: list.validFrom,
      ...(list.validTo !== null ? { validTo: list.validTo } : {}),
    },
  };
}
