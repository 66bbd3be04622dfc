import { CalwiseError, type Catalog, evaluateDeployment, type PriceList } from "@calwise/core";
import type { EstatePosition } from "./estate-position-schema.ts";
import { type EstateDeployment, mergeEstateDeployments } from "./merge-estate-deployments.ts";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

/** What the estate position takes: the customer's deployments and entitlements, the catalog and prices. */
export interface CheckCustomerEstateInput {
  /** The customer's name, which the position repeats. */
  readonly customer: string;
  readonly deployments: readonly EstateDeployment[];
  /** The customer's entitlements as deployment `owned` entries, each with its source (the invoice). */
  readonly entitlements: readonly Record<string, unknown>[];
  readonly catalog: Catalog;
  /** The price list in force, to price the shortfall; without one the position counts CALs. */
  readonly prices?: PriceList;
}

/**
 * The estate position use case: all the customer's deployments checked together against the customer's
 * entitlements (`mergeEstateDeployments` says how people are matched), evaluated by the engine, with each
 * figure's rules and sources and how the estate counted. A deployment's own check counts only the CALs typed
 * on it; counting the entitlements against each deployment would count the same CALs once per deployment.
 */
export function checkCustomerEstate(input: CheckCustomerEstateInput): EstatePosition {
  if (input.deployments.length === 0)
    throw new CalwiseError("INPUT_INVALID", "the customer has no deployment to check", [
      { code: "SCHEMA", path: "deployments", message: "no deployment", expected: "at least one" },
    ]);
  const merged = mergeEstateDeployments(input.deployments, input.entitlements, input.catalog);
  const resolved = resolveDeploymentDocument(
    { name: `estate of ${input.customer}`, data: merged.document },
    input.catalog,
    input.prices,
  );
  const result = evaluateDeployment(resolved, input.catalog);
  const lines = result.families.flatMap((family) =>
    family.required.map((line) => ({
      family: family.family,
      name: family.name,
      version: line.version,
      type: line.type,
      required: line.count,
      coveredByOwned: line.coveredByOwned,
      shortfall: line.shortfall,
      rules: [...family.rules],
      sources: [...family.sources],
    })),
  );
  const owned = result.families.flatMap((family) =>
    family.owned.map((line) => ({ family: family.family, ...line })),
  );
  const counting = [
    {
      rule: "one-cal-per-person",
      text: `A user or device named in more than one deployment needs one CAL: a user CAL reaches any of the customer's licensed servers (${merged.namedInSeveral.users} users and ${merged.namedInSeveral.devices} devices are named in more than one deployment).`,
      sources: ["R4", "R51"],
    },
    {
      rule: "counts-summed",
      text: `Users and devices given only as counts (ranges such as U{1..10}) cannot be matched across deployments, so they are summed: the conservative upper bound (${merged.summed.users} users and ${merged.summed.devices} devices counted this way).`,
      sources: ["R29", "R51"],
    },
    {
      rule: "entitlements-counted-once",
      text: `Owned CALs are the customer's entitlements (and the CALs included with its servers), counted once for the whole estate; ${merged.notCounted.length === 0 ? "no CALs are typed on its deployments" : `the ${merged.notCounted.length} CAL entries typed on deployments are not counted here (each deployment's own check counts them; import them as entitlements)`}.`,
      sources: ["R4"],
    },
    ...merged.conflictingAssumptions.map((id) => ({
      rule: "assumption-default",
      text: `The deployments set the assumption ${id} differently: the estate uses the catalog's default.`,
      sources: ["R2"],
    })),
  ];
  return {
    customer: input.customer,
    compliant: result.compliant,
    shortfall: lines.reduce((sum, line) => sum + line.shortfall, 0),
    currency: result.currency,
    purchaseTotal: result.purchaseTotal,
    deployments: merged.deployments.map((d) => ({
      ...d,
      users: { ...d.users },
      devices: { ...d.devices },
    })),
    people: {
      users: resolved.users.size,
      devices: resolved.devices.size,
      namedInSeveral: { ...merged.namedInSeveral },
      summed: { ...merged.summed },
    },
    lines,
    owned,
    counting,
    notCounted: merged.notCounted.map((cal) => ({ ...cal })),
    findings: result.findings as EstatePosition["findings"],
    result: result as EstatePosition["result"],
  };
}
