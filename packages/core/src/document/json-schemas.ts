import { z } from "zod";
import { editionAdviceSchema } from "../advise/edition-advice-schema.ts";
import { catalogListingSchema } from "../catalog/catalog-listing.ts";
import { deploymentSchema } from "../deployment/deployment-schema.ts";
import { evaluationResultSchema } from "../evaluate/evaluation-result-schema.ts";
import { priceListSchema } from "../price-list/price-list-schema.ts";
import { quoteSchema } from "../quote/quote-schema.ts";

const input = (schema: z.ZodType, title: string) => () => ({
  title,
  ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
});
const output = (schema: z.ZodType, title: string) => () => ({
  title,
  ...z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }),
});

/**
 * Each schema by name, built on demand: inputs as a file may be written (defaults optional), outputs as calwise
 * prints them (every default filled in).
 */
const builders = {
  deployment: input(deploymentSchema, "calwise deployment file"),
  "price-list": input(priceListSchema, "calwise price list"),
  "evaluation-result": output(evaluationResultSchema, "calwise evaluate --json result"),
  quote: output(quoteSchema, "calwise quote --json result"),
  "edition-advice": output(editionAdviceSchema, "calwise advise --json result"),
  "catalog-listing": output(catalogListingSchema, "calwise catalog --json listing"),
} as const;

/** The names `calwise schema` accepts; docs/NAME.schema.json holds each. */
export const jsonSchemaNames = Object.keys(builders) as readonly (keyof typeof builders)[];

/** The JSON Schema of one name, or undefined for a name calwise does not have. */
export function jsonSchemaOf(name: string): unknown {
  return Object.hasOwn(builders, name) ? builders[name as keyof typeof builders]() : undefined;
}

/** The JSON Schemas of calwise's files and outputs, by file name under docs/ (`NAME.schema.json`). */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    jsonSchemaNames.map((name) => [`${name}.schema.json`, builders[name]()]),
  );
}
