import { z } from "zod";

const counts = z.record(z.string(), z.number().int());

/** What a conformance fixture's `expect` block may say (all optional; each given key is asserted). */
export const expectationSchema = z.strictObject({
  compliant: z.boolean().optional(),
  /** Finding codes that must appear / must not appear. */
  findings: z.array(z.string()).optional(),
  noFindings: z.array(z.string()).optional(),
  /** Finding code → exactly how many findings of that code. */
  findingCounts: z.record(z.string(), z.number().int()).optional(),
  /** Findings that must appear with these subject fields (e.g. { code: REASSIGNMENT_WITHIN_90_DAYS, date: 2026-03-02 }). */
  findingSubjects: z.array(z.record(z.string(), z.string())).optional(),
  /** Finding code → a regular expression its remedy must match. */
  remedies: z.record(z.string(), z.string()).optional(),
  /** Finding code → the product ids its structured remedy names (`remedyEditions`), exactly and in order. */
  remedyEditions: z.record(z.string(), z.array(z.string())).optional(),
  /** Server name → licensed cores (core licensing). */
  licensedCores: z.record(z.string(), z.number().int()).optional(),
  /** Server name → number of licences (of the server's licensing unit). */
  serverLicences: z.record(z.string(), z.number().int()).optional(),
  /** Family → { user: { version: count }, device: { version: count } }: the chosen CALs, exactly. */
  cals: z
    .record(z.string(), z.strictObject({ user: counts.optional(), device: counts.optional() }))
    .optional(),
  /** Family → exact holders as "user:U1@2012" / "device:K1@2012". */
  holders: z.record(z.string(), z.array(z.string())).optional(),
  buy: z
    .array(
      z.strictObject({
        kind: z.enum(["cal", "external-connector"]).optional(),
        server: z.string().optional(),
        family: z.string(),
        version: z.string().optional(),
        type: z.enum(["user", "device"]).optional(),
        units: z.number().int().optional(),
        packs: z.record(z.string(), z.number().int()).optional(),
        cost: z.number().int().optional(),
      }),
    )
    .optional(),
  buyNothing: z.boolean().optional(),
  purchaseTotal: z.number().int().nullable().optional(),
  /** Family → version → spare owned CALs. */
  surplus: z.record(z.string(), counts).optional(),
  exempt: z
    .array(
      z.strictObject({
        rule: z.string(),
        server: z.string().optional(),
        who: z.string().optional(),
      }),
    )
    .optional(),
  assumptions: z.array(z.string()).optional(),
  /** false when the case is allowed a best-found (not proven optimal) answer. */
  exact: z.boolean().optional(),
  /** The deployment is rejected as bad input with a problem at this field path. */
  inputError: z.string().optional(),
});

export type Expectation = z.infer<typeof expectationSchema>;
