import { evaluationResultSchema, findingSchema } from "@calwise/core";
import { z } from "zod";

const count = z.number().int().min(0);
const namedAndCounted = z.strictObject({ named: count, counted: count });
const usersAndDevices = z.strictObject({ users: count, devices: count });

/**
 * A customer's estate position (`checkCustomerEstate`): every deployment of the customer checked together
 * against the customer's entitlements; each figure with the rules and sources it rests on.
 */
export const estatePositionSchema = z
  .strictObject({
    customer: z.string(),
    compliant: z
      .boolean()
      .describe("the estate as a whole needs no CAL it does not own, and breaks no limit"),
    shortfall: count.describe("CALs short over every family, version and type"),
    currency: z.string().nullable(),
    purchaseTotal: count
      .nullable()
      .describe("what closing the shortfall costs (minor units); null: unpriced"),
    deployments: z.array(
      z.strictObject({
        name: z.string(),
        revision: z.number().int().nullable(),
        servers: count,
        users: namedAndCounted.describe(
          "named: matched across deployments; counted: given as a range",
        ),
        devices: namedAndCounted,
      }),
    ),
    people: z.strictObject({
      users: count.describe("distinct users the estate counts"),
      devices: count,
      namedInSeveral: usersAndDevices.describe("named in more than one deployment: one CAL each"),
      summed: usersAndDevices.describe("given only as counts: summed over the deployments"),
    }),
    lines: z.array(
      z.strictObject({
        family: z.string(),
        name: z.string(),
        version: z.string(),
        type: z.enum(["user", "device"]),
        required: count,
        coveredByOwned: count,
        shortfall: count,
        rules: z.array(z.string()).min(1),
        sources: z.array(z.string()).min(1),
      }),
    ),
    owned: z
      .array(
        z.strictObject({
          family: z.string(),
          version: z.string(),
          type: z.enum(["user", "device", "either"]),
          quantity: count,
          used: count,
          surplus: count,
          source: z.string().describe("the invoice (or what the CALs came with)"),
        }),
      )
      .describe("the customer's entitlements and the CALs included with its servers, as counted"),
    counting: z.array(
      z.strictObject({
        rule: z.string(),
        text: z.string(),
        sources: z.array(z.string()).min(1),
      }),
    ),
    notCounted: z
      .array(
        z.strictObject({
          deployment: z.string(),
          licence: z.string(),
          version: z.string().nullable(),
          type: z.enum(["user", "device", "either"]).nullable(),
          quantity: count,
          source: z.string().nullable(),
        }),
      )
      .describe("CALs typed on a deployment: its own check counts them, the estate does not"),
    findings: z.array(findingSchema),
    result: evaluationResultSchema,
  })
  .describe("a customer's estate position");

/** A customer's estate position (see `estatePositionSchema`). */
export type EstatePosition = z.output<typeof estatePositionSchema>;
