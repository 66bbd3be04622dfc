import { z } from "zod";
import type { EvaluationResult } from "./evaluation-result.ts";

const sources = z.array(z.string());
const count = z.number().int().min(0);
const finding = z.strictObject({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  expected: z.union([z.string(), z.number()]).optional(),
  received: z.union([z.string(), z.number()]).optional(),
  subject: z.record(z.string(), z.string()).optional(),
  remedy: z.string().optional(),
  rule: z.string(),
  sources,
});

/** JSON Schema source of `calwise evaluate --json` (docs/evaluation-result.schema.json is generated from it). */
export const evaluationResultSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    catalogVersion: z.string(),
    deployment: z.string(),
    compliant: z.boolean().describe("false when any finding has severity error"),
    currency: z.string().nullable(),
    priceList: z.strictObject({ name: z.string(), version: z.string().nullable() }).nullable(),
    serverLicences: z.array(
      z.strictObject({
        server: z.string(),
        product: z.string(),
        productName: z.string(),
        quantity: count,
        unit: z.enum(["server", "processor", "processor-pair", "core-pack"]),
        cores: count.optional(),
        explanation: z.string(),
        rule: z.string(),
        sources,
      }),
    ),
    families: z.array(
      z.strictObject({
        family: z.string(),
        name: z.string(),
        additiveTo: z.string().optional(),
        holders: z.array(
          z.strictObject({
            id: z.string(),
            type: z.enum(["user", "device"]),
            version: z
              .string()
              .describe("the oldest CAL version that covers every access of this holder"),
            servers: z.array(z.string()),
            accesses: z.array(count).describe("indexes of the deployment's access records"),
          }),
        ),
        required: z.array(
          z.strictObject({
            version: z.string(),
            type: z.enum(["user", "device"]),
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
          gapPercent: z.number().min(0).describe("the gap as a percentage of cost, two decimals"),
          tieBreak: z.string(),
          certificate: z.strictObject({
            nodes: count,
            arcs: count,
            maxFlow: z.number(),
            cutCapacity: z.number(),
            scale: z.number(),
            verified: z.boolean(),
            problems: z.array(z.string()),
          }),
        }),
        rules: z.array(z.string()),
        sources,
      }),
    ),
    purchases: z.array(
      z.strictObject({
        kind: z.enum(["cal", "external-connector"]),
        family: z.string(),
        version: z.string(),
        type: z.enum(["user", "device"]).optional(),
        connector: z.string().optional(),
        server: z.string().optional(),
        units: count,
        packs: z.array(z.strictObject({ sku: z.string(), size: count, count, price: count })),
        cost: count.nullable().describe("minor units of `currency`"),
        overbuy: count,
        reason: z.string(),
        rule: z.string(),
        sources,
      }),
    ),
    purchaseTotal: count.nullable(),
    exemptions: z.array(
      z.strictObject({
        rule: z.string(),
        sources,
        server: z.string(),
        who: z.string().optional(),
        accesses: z.array(count),
        explanation: z.string(),
      }),
    ),
    findings: z.array(finding),
    assumptions: z.array(
      z.strictObject({
        id: z.string(),
        value: z.union([z.string(), z.number(), z.boolean()]),
        default: z.union([z.string(), z.number(), z.boolean()]),
        overridden: z.boolean(),
        text: z.string(),
        sources,
      }),
    ),
  })
  .describe("calwise evaluate --json");

// Compile-time check that the schema and the TypeScript result type describe the same shape.
type Frozen<T> = T extends readonly (infer E)[]
  ? readonly Frozen<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<
  Frozen<z.output<typeof evaluationResultSchema>>,
  Frozen<EvaluationResult>
> = true;
void sameShape;
