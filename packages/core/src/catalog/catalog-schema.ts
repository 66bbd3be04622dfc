import { z } from "zod";

/**
 * The catalog file's schema: products, CAL families, suites, rules and assumptions, each cited. Built on first
 * use, not when the module loads: a run of the CLI reads the shipped catalog as validated at build time
 * (indexValidatedCatalog) and builds no catalog schema, whose construction was a few ms of every start.
 */
export function catalogSchema(): CatalogSchema {
  built ??= buildCatalogSchema();
  return built;
}

type CatalogSchema = ReturnType<typeof buildCatalogSchema>;
let built: CatalogSchema | undefined;

function buildCatalogSchema() {
  const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case id (letters, digits, '-')");
  const sourceRefs = z.array(z.string().regex(/^R\d+$/, "a source id such as R1")).min(1);

  const calRequirement = z.strictObject({
    family: id,
    version: z.string().min(1),
    /** The named assumption this requirement rests on, when the reference marks it UNCONFIRMED. */
    assumption: id.optional(),
  });

  const licensing = z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("per-server"),
      virtualInstancesPerLicence: z
        .union([z.number().int().min(0), z.literal("unlimited")])
        .optional(),
    }),
    z.strictObject({
      kind: z.literal("per-processor"),
      virtualInstancesPerLicence: z
        .union([z.number().int().min(0), z.literal("unlimited")])
        .optional(),
    }),
    z.strictObject({
      kind: z.literal("per-processor-pair"),
      virtualInstancesPerLicence: z.union([z.number().int().min(1), z.literal("unlimited")]),
    }),
    z.strictObject({
      kind: z.literal("per-core"),
      minimumCoresPerProcessor: z.number().int().min(1),
      minimumCoresPerServer: z.number().int().min(1),
      coresPerPack: z.number().int().min(1),
      virtualInstancesPerLicence: z.union([z.number().int().min(1), z.literal("unlimited")]),
    }),
  ]);

  const limit = z.union([z.number().int().min(0), z.strictObject({ assumption: id })]);

  return z.strictObject({
    catalogVersion: z.string().min(1),
    title: z.string(),
    sources: z.record(
      z.string().regex(/^R\d+$/),
      z.strictObject({ title: z.string(), url: z.string(), strength: z.enum(["MS", "3P"]) }),
    ),
    calFamilies: z.array(
      z.strictObject({
        id,
        name: z.string(),
        versions: z.array(z.string()).min(1),
        types: z.array(z.enum(["user", "device"])).min(1),
        additiveTo: id.optional(),
        sources: sourceRefs,
      }),
    ),
    externalConnectors: z.array(
      z.strictObject({
        id,
        name: z.string(),
        family: id,
        versions: z.array(z.string()).min(1),
        sources: sourceRefs,
      }),
    ),
    suites: z.array(
      z.strictObject({ id, name: z.string(), covers: z.array(id).min(1), sources: sourceRefs }),
    ),
    products: z.array(
      z.strictObject({
        id,
        name: z.string(),
        kind: z.enum(["operating-system", "application"]),
        version: z.string(),
        licensing,
        cals: z.array(calRequirement),
        includedCals: z
          .array(
            z.strictObject({ family: id, version: z.string(), quantity: z.number().int().min(1) }),
          )
          .optional(),
        services: z.record(z.string(), z.array(calRequirement)).optional(),
        limits: z
          .strictObject({
            users: limit.optional(),
            devices: limit.optional(),
            processors: limit.optional(),
            /** Physical cores of the server (processors × cores per processor), e.g. Essentials' 10. */
            cores: limit.optional(),
            virtualMachines: limit.optional(),
          })
          .optional(),
        outgrowsTo: id.optional(),
        notes: z.array(z.string()).optional(),
        sources: sourceRefs,
      }),
    ),
    rules: z.array(
      z.strictObject({
        id,
        kind: z.enum([
          "coverage",
          "exemption",
          "entitlement",
          "limit",
          "server-licence",
          "purchase",
          "assignment",
        ]),
        text: z.string(),
        sources: sourceRefs,
      }),
    ),
    assumptions: z.array(
      z.strictObject({
        id,
        text: z.string(),
        default: z.union([z.string(), z.number(), z.boolean()]),
        options: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
        sources: sourceRefs,
      }),
    ),
  });
}

/** A catalog as written in the file, after schema validation. */
export type CatalogData = z.infer<CatalogSchema>;
export type Product = CatalogData["products"][number];
export type CalFamily = CatalogData["calFamilies"][number];
export type CalRequirement = Product["cals"][number];
export type Licensing = Product["licensing"];
export type Rule = CatalogData["rules"][number];
export type Assumption = CatalogData["assumptions"][number];
export type ExternalConnectorProduct = CatalogData["externalConnectors"][number];
export type Suite = CatalogData["suites"][number];
export type AssumptionValue = string | number | boolean;
