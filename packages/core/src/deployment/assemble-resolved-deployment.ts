import type { PriceList } from "../price-list/price-list-schema.ts";
import type { Deployment } from "./deployment-schema.ts";
import { listResolvedAccesses } from "./list-resolved-accesses.ts";
import type {
  AccessPrincipals,
  ResolvedAccess,
  ResolvedAccessColumns,
  ResolvedDeployment,
} from "./resolved-deployment.ts";

/** What resolution worked out, beside the document's own fields. */
export interface ResolvedParts {
  readonly servers: ResolvedDeployment["servers"];
  readonly users: ResolvedDeployment["users"];
  readonly devices: ResolvedDeployment["devices"];
  readonly principals: AccessPrincipals;
  readonly accessColumns: ResolvedAccessColumns;
  readonly prices: PriceList | undefined;
  readonly assumptions: ResolvedDeployment["assumptions"];
  readonly overridden: ResolvedDeployment["overriddenAssumptions"];
}

/**
 * The resolved deployment of a checked document and its resolved parts (both routes, the document's and
 * the columns', end here). The access objects are made only when something reads them: the evaluation
 * reads the columns.
 */
export function assembleResolvedDeployment(
  d: Pick<Deployment, "name" | "anonymous" | "owned" | "assignments" | "asOf">,
  parts: ResolvedParts,
): ResolvedDeployment {
  const { accessColumns, principals, prices } = parts;
  let accesses: readonly ResolvedAccess[] | undefined;
  return {
    name: d.name,
    servers: parts.servers,
    users: parts.users,
    devices: parts.devices,
    get accesses() {
      accesses ??= listResolvedAccesses(accessColumns, principals);
      return accesses;
    },
    principals,
    accessColumns,
    anonymous: d.anonymous,
    owned: d.owned,
    ...(prices ? { prices } : {}),
    assignments: d.assignments,
    assumptions: parts.assumptions,
    overriddenAssumptions: parts.overridden,
    ...(d.asOf ? { asOf: d.asOf } : {}),
  };
}
