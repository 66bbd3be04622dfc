import { z } from "zod";

/** The stable codes of compliance findings; a front end may switch on them. */
export const findingCodeSchema = z
  .enum([
    "EDITION_USER_LIMIT",
    "EDITION_DEVICE_LIMIT",
    "EDITION_PROCESSOR_LIMIT",
    "EDITION_CORE_LIMIT",
    "EDITION_VM_LIMIT",
    "CAL_SHORTFALL",
    "EXTERNAL_CONNECTOR_INTERNAL_USERS",
    "SUITE_SPLIT",
    "PRICE_MISSING",
    "REASSIGNMENT_WITHIN_90_DAYS",
  ])
  .describe("stable finding code");

/** A stable finding code. */
export type FindingCode = z.output<typeof findingCodeSchema>;
