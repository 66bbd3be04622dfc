import { z } from "zod";
import { statedAssumptionSchema } from "../catalog/stated-assumption.ts";
import { findingCodeSchema } from "../findings/finding-code.ts";
import type { Frozen } from "../model/frozen.ts";
import { minorUnitsSchema } from "../model/minor-units.ts";
import { customerProfileSchema } from "./customer-profile.ts";

/** Version of the advice JSON; bumped on any incompatible change (see docs/edition-advice.schema.json). */
export const ADVICE_SCHEMA_VERSION = 1;

const sources = z.array(z.string());
const count = z.number().int().min(0);
const cost = minorUnitsSchema
  .nullable()
  .describe("minor units of `currency`; null when not priced");
const skus = z.array(z.strictObject({ sku: z.string(), count, price: minorUnitsSchema }));

/**
 * Why an edition is ruled out: the code of an engine finding (an edition limit), or what the catalog says the
 * edition cannot do for this profile.
 */
export const ruleOutCodeSchema = z.enum([
  ...findingCodeSchema.options,
  "EDITION_SPECIAL_PURPOSE",
  "EDITION_VM_CAPACITY",
  "EDITION_CANNOT_COMBINE_NEEDS",
  "EDITION_LACKS_SQL",
  "EDITION_LACKS_REMOTE_DESKTOP",
]);

/** Why an edition cannot serve a profile: a finding of the engine or a capability the catalog lacks. */
export const ruleOutReasonSchema = z.strictObject({
  code: ruleOutCodeSchema,
  message: z.string(),
  rule: z
    .string()
    .nullable()
    .describe("the catalog rule behind it, or null for a capability the catalog does not list"),
  sources,
});

/** A licence to buy for a legal option: what the engine counted and the cheapest SKUs, when priced. */
export const optionLicenceSchema = z.strictObject({
  server: z.string(),
  product: z.string(),
  productName: z.string(),
  quantity: count,
  unit: z.string().describe('what one licence is, in words: "2-processor licence", "2-core pack"'),
  explanation: z.string(),
  skus,
  cost,
});

/** CALs to buy for a legal option, by family, version and type (after included CALs). */
export const optionCalsSchema = z.strictObject({
  family: z.string(),
  name: z.string(),
  version: z.string(),
  type: z
    .enum(["user", "device", "connector"])
    .describe("the CAL type, or `connector` for an External Connector"),
  units: count,
  skus,
  cost,
});

/** An edition (configuration) that can legally serve the profile, with its cost. */
export const editionOptionSchema = z.strictObject({
  product: z.string(),
  name: z.string(),
  configuration: z
    .string()
    .describe('how it is set up, e.g. "SQL Server 2012 Standard on the server"'),
  licences: z.array(optionLicenceSchema),
  cals: z.array(optionCalsSchema),
  includedCals: z.array(
    z.strictObject({ family: z.string(), version: z.string(), quantity: count, used: count }),
  ),
  calUnits: count.describe("CAL units to buy (the ranking key without prices)"),
  licenceCost: cost,
  calCost: cost,
  total: cost.describe(
    "server licences + CALs and connectors to buy, in minor units; null when something is not priced",
  ),
  unpriced: z.array(z.string()),
  notes: z.array(z.string()),
});

/** An edition that cannot serve the profile, with every reason. */
export const ruledOutEditionSchema = z.strictObject({
  product: z.string(),
  name: z.string(),
  reasons: z.array(ruleOutReasonSchema),
});

/** A point on the growth path where the advice changes. */
export const growthChangeSchema = z.strictObject({
  users: count,
  devices: count,
  from: z.string().nullable(),
  to: z.string().nullable(),
  because: z
    .string()
    .describe("why: the rule-out of the edition that was best, or a cheaper option"),
});

/** The advisor's answer: options ranked by cost, editions ruled out and why, and where growth changes it. */
export const editionAdviceSchema = z
  .strictObject({
    schemaVersion: z.literal(ADVICE_SCHEMA_VERSION),
    catalogVersion: z.string(),
    profile: customerProfileSchema,
    representativeDeployment: z.array(z.string()),
    currency: z.string().nullable(),
    priceList: z.strictObject({ name: z.string(), version: z.string().nullable() }).nullable(),
    rankedBy: z
      .enum(["total", "cal-units"])
      .describe("`total` when priced, else `cal-units` (CALs to buy, then licences)"),
    ranked: z.array(editionOptionSchema),
    ruledOut: z.array(ruledOutEditionSchema),
    growth: z
      .strictObject({
        fromUsers: count,
        toUsers: count,
        changes: z.array(growthChangeSchema),
        editionsUntil: z
          .array(
            z.strictObject({
              product: z.string(),
              lastUsers: count.nullable(),
              reason: z.string().nullable(),
            }),
          )
          .describe(
            "per edition legal today: the last user count on the path it still serves (null: all of it)",
          ),
      })
      .nullable(),
    assumptions: z.array(statedAssumptionSchema),
  })
  .describe("calwise advise --json");

/** Why an edition cannot serve a profile (see `ruleOutReasonSchema`). */
export type RuleOutReason = Frozen<z.output<typeof ruleOutReasonSchema>>;
/** A licence to buy for a legal option (see `optionLicenceSchema`). */
export type OptionLicence = Frozen<z.output<typeof optionLicenceSchema>>;
/** CALs to buy for a legal option (see `optionCalsSchema`). */
export type OptionCals = Frozen<z.output<typeof optionCalsSchema>>;
/** An edition that can legally serve the profile (see `editionOptionSchema`). */
export type EditionOption = Frozen<z.output<typeof editionOptionSchema>>;
/** An edition that cannot serve the profile (see `ruledOutEditionSchema`). */
export type RuledOutEdition = Frozen<z.output<typeof ruledOutEditionSchema>>;
/** A point on the growth path where the advice changes (see `growthChangeSchema`). */
export type GrowthChange = Frozen<z.output<typeof growthChangeSchema>>;
/** The advisor's answer (see `editionAdviceSchema`). */
export type EditionAdvice = Frozen<z.output<typeof editionAdviceSchema>>;
