import { findingSchema } from "@calwise/core";
import { z } from "zod";
import type { Frozen } from "./frozen.ts";

const count = z.number().int().min(0);
const names = z.array(z.string());
const addedRemoved = z.strictObject({ added: names, removed: names });

/** One CAL family, version and type: how many the deployment needs and lacks before and after. */
const calChangeSchema = z.strictObject({
  family: z.string(),
  name: z.string(),
  version: z.string(),
  type: z.enum(["user", "device"]),
  before: z.strictObject({ required: count, shortfall: count }),
  after: z.strictObject({ required: count, shortfall: count }),
  change: z.number().int().describe("after.required − before.required"),
});

/** What changed between two deployment documents, and what it does to the CALs needed (`compareDeployments`). */
export const deploymentComparisonSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    catalogVersion: z.string(),
    before: z.string().describe("the first document's name"),
    after: z.string().describe("the second document's name"),
    servers: addedRemoved.extend({
      changed: names.describe("servers in both whose specification differs"),
    }),
    users: addedRemoved,
    devices: addedRemoved,
    accesses: z.strictObject({ before: count, after: count }).describe("after range expansion"),
    cals: z
      .array(calChangeSchema)
      .describe("every family, version and type needed before or after"),
    purchaseTotal: z.strictObject({
      currency: z.string().nullable(),
      before: count.nullable(),
      after: count.nullable(),
    }),
    compliant: z.strictObject({ before: z.boolean(), after: z.boolean() }),
    findings: z.strictObject({
      added: z.array(findingSchema).describe("findings of the second that the first did not have"),
      resolved: z
        .array(findingSchema)
        .describe("findings of the first that the second no longer has"),
    }),
  })
  .describe("a comparison of two deployment revisions");

/** A comparison of two deployments (see `deploymentComparisonSchema`). */
export type DeploymentComparison = Frozen<z.output<typeof deploymentComparisonSchema>>;
