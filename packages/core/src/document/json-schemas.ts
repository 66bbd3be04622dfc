import { z } from "zod";
import { deploymentSchema } from "../deployment/deployment-schema.ts";
import { evaluationResultSchema } from "../evaluate/evaluation-result-schema.ts";
import { priceListSchema } from "../price-list/price-list-schema.ts";

/** The JSON Schemas of calwise's files and outputs, by file name under docs/. */
export function jsonSchemas(): Record<string, unknown> {
  const input = (schema: z.ZodType, title: string) => ({
    title,
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
  });
  return {
    "deployment.schema.json": input(deploymentSchema, "calwise deployment file"),
    "price-list.schema.json": input(priceListSchema, "calwise price list"),
    "evaluation-result.schema.json": {
      title: "calwise evaluate --json result",
      ...z.toJSONSchema(evaluationResultSchema, { io: "output", unrepresentable: "any" }),
    },
  };
}
