import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { Product } from "../catalog/catalog-schema.ts";
import { editionAddOns } from "../catalog/edition-add-ons.ts";
import { specialPurposeEditions } from "../catalog/special-purpose-editions.ts";
import type { ResolvedDeployment, ResolvedServer } from "../deployment/resolved-deployment.ts";
import { findExceededLimits } from "./find-exceeded-limits.ts";
import type { ServerLoad } from "./measure-server-load.ts";
import { virtualCapacity } from "./virtual-capacity.ts";

/** An edition that can serve a server's load, with the rule and sources that say so. */
export interface ServingEdition {
  readonly product: string;
  readonly name: string;
  readonly rule: "edition-limit";
  readonly sources: readonly string[];
}

/**
 * The operating-system editions that can take over a server its edition cannot serve: every edition of the
 * catalog, of the same version or later, whose caps the server's load stays within [R1, R21, R26] and which
 * offers every service the server is accessed for (unless an application on it provides the service) and
 * whose licence covers its virtual machines without stacking (as the advisor requires), in catalog order. Add-ons and special-purpose editions are not general-purpose servers and are left out. The
 * assumptions a listed edition's caps rest on are reported to `onAssumption`.
 */
export function listServingEditions(
  server: ResolvedServer,
  load: ServerLoad,
  deployment: ResolvedDeployment,
  catalog: Catalog,
  onAssumption: (id: string) => void = () => {},
): ServingEdition[] {
  const services = new Set<string>();
  for (const a of deployment.accesses)
    if (a.server === server.name && a.service !== undefined) services.add(a.service);
  for (const application of server.applications)
    for (const service of Object.keys(application.services ?? {})) services.delete(service);
  const since = versionYear(server.product);
  const serving: ServingEdition[] = [];
  for (const product of catalog.products.values()) {
    if (product.kind !== "operating-system" || product.id === server.product.id) continue;
    if (editionAddOns.has(product.id) || specialPurposeEditions.has(product.id)) continue;
    if (versionYear(product) < since) continue;
    if ([...services].some((s) => product.services?.[s] === undefined)) continue;
    if (load.virtualMachines > virtualCapacity(product)) continue;
    const consulted: string[] = [];
    if (
      findExceededLimits(product, load, deployment.assumptions, (id) => consulted.push(id)).length >
      0
    )
      continue;
    for (const id of consulted) onAssumption(id);
    serving.push({
      product: product.id,
      name: product.name,
      rule: "edition-limit",
      sources: mergeSources(ruleSources(catalog, "edition-limit"), product.sources),
    });
  }
  return serving;
}

/** The year a product's version starts with ("2012 R2" → 2012); 0 when it has none. */
function versionYear(product: Product): number {
  const year = /^\d{4}/.exec(product.version);
  return year ? Number(year[0]) : 0;
}
