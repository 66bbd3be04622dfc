import { z } from "zod";
import { findingCodeSchema } from "../findings/finding-code.ts";

/**
 * The stable codes of input problems: what is wrong with a file, a document or an option. A quote refuses a
 * deployment on an edition-limit finding, so the finding codes are problem codes too.
 */
export const problemCodeSchema = z
  .enum([
    // a document's shape and references
    "SCHEMA",
    "YAML_SYNTAX",
    "UNKNOWN_REFERENCE",
    "DUPLICATE_ID",
    "MISSING_RULE",
    "DUPLICATE_KEY",
    "RUNS_ON_CYCLE",
    // limits on what one document may hold or stand for (docs/limits.md)
    "NOT_TEXT",
    "DOCUMENT_TOO_LARGE",
    "YAML_ALIAS_LIMIT",
    "DEPLOYMENT_TOO_LARGE",
    // reading files and command-line input
    "FILE",
    "PATH_OUTSIDE",
    "FORMAT",
    "OPTION",
    "ARGUMENT",
    "CSV_SYNTAX",
    "CSV_EMPTY",
    "CSV_COLUMN",
    "CSV_MISSING_COLUMN",
    "CSV_VALUE",
    // price lists and quotes
    "NO_PRICE_LIST",
    "AMBIGUOUS_PRICE_LIST",
    "PRICE_LIST_NOT_VALID",
    "CURRENCY_MISMATCH",
    "CALS_NOT_QUOTED",
    "REASON_CONTRADICTS_DEPLOYMENT",
    "DISCOUNT_TOO_LARGE",
    "NO_SERVER",
    ...findingCodeSchema.options,
  ])
  .describe("stable problem code");

/** A stable input-problem code. */
export type ProblemCode = z.output<typeof problemCodeSchema>;
