import { z } from "zod";
import { statedAssumptionSchema } from "../catalog/stated-assumption.ts";
import { findingSchema } from "../findings/finding.ts";
import type { Frozen } from "../model/frozen.ts";
import { coverCertificateSchema } from "../optimise/cover-certificate.ts";
import { exemptionSchema } from "../rules/exemption.ts";
import { serverLicenceLineSchema } from "../rules/server-licence-line.ts";
import { RESULT_SCHEMA_VERSION } from "./result-schema-version.ts";

const sources = z.array(z.string());
const count = z.number().int().min(0);
const calType = z.enum(["user", "device"]);

/** A user or device given a CAL, with the accesses that made it necessary. */
export const holderLineSchema = z.strictObject({
  id: z.string(),
  type: calType,
  version: z
    .string()
    .describe(
      "the oldest CAL version that covers every access of this holder (a newer CAL also does)",
    ),
  servers: z.array(z.string()),
  accesses: z.array(count).describe("indexes of the deployment's access records"),
});

/** One CAL family's answer: who gets which CAL, how owned CALs cover it, what is short, and the proof. */
export const familyResultSchema = z.strictObject({
  family: z.string(),
  name: z.string(),
  additiveTo: z.string().optional(),
  holders: z.array(holderLineSchema),
  required: z.array(
    z.strictObject({
      version: z.string(),
      type: calType,
      count,
      coveredByOwned: count,
      shortfall: count,
    }),
  ),
  owned: z.array(
    z.strictObject({
      version: z.string(),
      type: z.enum(["user", "device", "either"]),
      quantity: count,
      used: count,
      surplus: count,
      source: z.string(),
    }),
  ),
  externalConnectors: z.array(
    z.strictObject({
      server: z.string(),
      connector: z.string(),
      version: z.string(),
      owned: z.boolean(),
      chosen: z.boolean(),
      price: count,
      externalUsers: count,
    }),
  ),
  optimisation: z.strictObject({
    exactness: z.enum(["optimal", "best-found"]),
    method: z.string(),
    cost: count.describe(
      "money paid for this family's CAL packs and External Connectors in minor units, or CALs to buy when unpriced",
    ),
    lowerBound: count.describe("proven: no cover and purchase costs less"),
    gap: count.describe("cost − lowerBound: the most a better answer could save"),
    gapPercent: z
      .number()
      .min(0)
      .describe(
        "the gap as a percentage of cost: two decimals, below 0.01 two significant digits (0 only for no gap)",
      ),
    tieBreak: z.string(),
    certificate: coverCertificateSchema,
  }),
  rules: z.array(z.string()),
  sources,
});

/** A purchase line: packs of one SKU to close a shortfall, or an External Connector. */
export const purchaseLineSchema = z.strictObject({
  kind: z.enum(["cal", "external-connector"]),
  family: z.string(),
  version: z.string(),
  type: calType.optional(),
  connector: z.string().optional(),
  server: z.string().optional(),
  units: count,
  serves: z
    .array(z.strictObject({ version: z.string(), units: count }))
    .optional()
    .describe(
      "for a CAL line: the needs its units serve per version needed, oldest first; a CAL covers its own version and earlier ones, so a 2022 line may serve 2019 needs",
    ),
  packs: z.array(z.strictObject({ sku: z.string(), size: count, count, price: count })),
  cost: count
    .nullable()
    .describe("total in minor units of `currency`, or null when the price list does not price it"),
  overbuy: count,
  reason: z.string(),
  rule: z.string(),
  sources,
});

/** The full answer of `evaluateDeployment` (`calwise evaluate --json`); docs/evaluation-result.schema.json. */
export const evaluationResultSchema = z
  .strictObject({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    catalogVersion: z.string(),
    deployment: z.string(),
    compliant: z.boolean().describe("false when any finding has severity error"),
    currency: z.string().nullable(),
    priceList: z.strictObject({ name: z.string(), version: z.string().nullable() }).nullable(),
    serverLicences: z.array(serverLicenceLineSchema),
    families: z.array(familyResultSchema),
    purchases: z.array(purchaseLineSchema),
    purchaseTotal: count
      .nullable()
      .describe("sum of the purchase lines in minor units, or null when unpriced"),
    exemptions: z.array(exemptionSchema),
    findings: z.array(findingSchema),
    assumptions: z.array(
      statedAssumptionSchema.extend({
        default: statedAssumptionSchema.shape.value,
        overridden: z.boolean(),
      }),
    ),
  })
  .describe("calwise evaluate --json");

/** A user or device given a CAL (see `holderLineSchema`). */
export type HolderLine = Frozen<z.output<typeof holderLineSchema>>;
/** One CAL family's answer (see `familyResultSchema`). */
export type FamilyResult = Frozen<z.output<typeof familyResultSchema>>;
/** A purchase line (see `purchaseLineSchema`). */
export type PurchaseLine = Frozen<z.output<typeof purchaseLineSchema>>;
/** The full answer of `evaluateDeployment` (see `evaluationResultSchema`). */
export type EvaluationResult = Frozen<z.output<typeof evaluationResultSchema>>;
