import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";
import { findingCodeSchema } from "./finding-code.ts";

/** A compliance finding: data with a stable code, the figures, and the rule and sources behind it. */
export const findingSchema = z.strictObject({
  code: findingCodeSchema,
  severity: z
    .enum(["error", "warning", "info"])
    .describe("`error` makes the deployment non-compliant; `warning` and `info` do not"),
  message: z.string(),
  expected: z.union([z.string(), z.number()]).optional(),
  received: z.union([z.string(), z.number()]).optional(),
  subject: z
    .record(z.string(), z.string())
    .optional()
    .describe("what the finding is about: a server, a family, a licence"),
  remedy: z.string().optional().describe("what would close it"),
  remedyEditions: z
    .array(
      z.strictObject({
        product: z.string(),
        name: z.string(),
        rule: z.string(),
        sources: z.array(z.string()),
      }),
    )
    .optional()
    .describe(
      "for an edition-limit finding: the editions of the catalog that can serve this server's load (same version or later), computed by the engine; empty when none can",
    ),
  rule: z.string(),
  sources: z.array(z.string()),
});

/** A compliance finding (see `findingSchema`). */
export type Finding = Frozen<z.output<typeof findingSchema>>;
