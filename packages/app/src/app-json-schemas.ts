import { z } from "zod";
import { auditResultSchema } from "./audit/audit-result-schema.ts";
import { evidenceRecordSchema } from "./evidence-record-schema.ts";

/** The JSON Schemas of the application layer's outputs, by file name under docs/ (beside core's). */
export function appJsonSchemas(): Record<string, unknown> {
  const output = (schema: z.ZodType, title: string) => ({
    title,
    ...z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }),
  });
  return {
    "audit-result.schema.json": output(auditResultSchema, "calwise audit --json result"),
    "evidence-record.schema.json": output(
      evidenceRecordSchema,
      "calwise events record (one JSON object per line)",
    ),
  };
}
