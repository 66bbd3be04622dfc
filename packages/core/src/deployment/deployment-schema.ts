import { z } from "zod";
import { isoDateSchema } from "../model/iso-date.ts";
import { priceListSchema } from "../price-list/price-list-schema.ts";

/** An id of a server, user or device. `{1..20}` in an id expands to a range (U{1..3} → U1, U2, U3). */
const name = z.string().min(1, "a non-empty name");
const nameOrList = z.union([name, z.array(name).min(1)]);
const calType = z.enum(["user", "device"]);

const server = z.strictObject({
  name,
  product: name.describe("a product id from `calwise catalog`"),
  processors: z.number().int().min(1).default(1),
  coresPerProcessor: z.number().int().min(1).optional(),
  virtualMachines: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("virtual OSEs this licence must cover"),
  hypervOnlyHost: z
    .boolean()
    .default(false)
    .describe("the physical OSE only runs Hyper-V and manages the VMs"),
  runsOn: name.optional().describe("the host whose licence covers this virtual machine"),
  applications: z.array(name).default([]).describe("server applications such as sql2012-standard"),
  userAccounts: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("user accounts, when more than the users listed"),
  deviceCount: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("devices, when more than the devices listed"),
  description: z.string().optional(),
});

const user = z.union([
  name,
  z.strictObject({
    id: name,
    kind: z.enum(["internal", "external"]).default("internal"),
    description: z.string().optional(),
  }),
]);

const device = z.union([
  name,
  z.strictObject({
    id: name,
    unattended: z
      .boolean()
      .default(false)
      .describe("no person operates it (scanner, sensor): device CALs only"),
    description: z.string().optional(),
  }),
]);

const access = z
  .strictObject({
    user: name.optional(),
    device: name.optional(),
    server: nameOrList,
    service: z
      .string()
      .optional()
      .describe("admin, rds, sql, exchange, exchange-enterprise, sharepoint"),
    via: name
      .optional()
      .describe("the front end or pooled connection in between: multiplexing never reduces CALs"),
    fromServer: name.optional().describe("server-to-server communication: needs no CAL"),
    note: z.string().optional(),
  })
  .refine((a) => a.user !== undefined || a.device !== undefined || a.fromServer !== undefined, {
    message: "an access needs a user, a device, or fromServer",
  });

const owned = z
  .strictObject({
    family: name.optional(),
    suite: name.optional(),
    externalConnector: name.optional(),
    version: z.string().optional(),
    type: z.enum(["user", "device", "either"]).optional(),
    quantity: z.number().int().min(1),
    server: name.optional().describe("for an External Connector: the server it is assigned to"),
    assignedTo: z.array(name).optional().describe("users or devices holding these CALs"),
    source: z.string().optional(),
  })
  .refine(
    (o) => [o.family, o.suite, o.externalConnector].filter((x) => x !== undefined).length === 1,
    { message: "an entitlement names exactly one of family, suite or externalConnector" },
  );

const assignment = z.strictObject({
  licence: name.describe("an id for one licence, e.g. its certificate number"),
  family: name.optional(),
  suite: name.optional(),
  version: z.string().optional(),
  type: calType,
  coverage: z
    .record(z.string(), name)
    .optional()
    .describe("for a suite: which holder it is used for, per CAL family"),
  history: z
    .array(
      z.strictObject({
        date: isoDateSchema,
        to: name,
        reason: z
          .enum([
            "initial",
            "hardware-failure",
            "end-of-employment",
            "temporary-absence",
            "return-from-temporary",
            "other",
          ])
          .default("other"),
        note: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * The price list as deployment data carries it: inline. Data (an HTTP body, a fixture) must never make calwise
 * read a file, so a path here is refused; the CLI's file form (node-files) resolves a path before this schema.
 */
export const inlinePriceListSchema = z.strictObject(priceListSchema.shape, {
  error: (issue) =>
    typeof issue.input === "string"
      ? "a price list inline: deployment data cannot name a file"
      : undefined,
});

/** The deployment as data: what is installed, who and what accesses it, what is owned, and prices. */
export const deploymentSchema = z.strictObject({
  schemaVersion: z.literal(1).default(1),
  name: z.string().default("deployment"),
  description: z.string().optional(),
  servers: z.array(server).min(1, "at least one server"),
  users: z.array(user).default([]),
  devices: z.array(device).default([]),
  accesses: z.array(access).default([]),
  anonymous: z
    .array(
      z.strictObject({
        server: name,
        description: z.string().optional(),
        visitors: z.number().int().min(0).optional(),
      }),
    )
    .default([]),
  owned: z.array(owned).default([]),
  prices: inlinePriceListSchema.optional(),
  assignments: z.array(assignment).default([]),
  assumptions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  asOf: isoDateSchema.optional().describe("the date the evaluation is for (assignment checks)"),
});

export type DeploymentInput = z.input<typeof deploymentSchema>;
export type Deployment = z.output<typeof deploymentSchema>;
export type ServerSpec = Deployment["servers"][number];
export type AccessSpec = Deployment["accesses"][number];
export type OwnedSpec = Deployment["owned"][number];
export type AssignmentSpec = Deployment["assignments"][number];
