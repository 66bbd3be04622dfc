import type { Catalog } from "../catalog/catalog.ts";
import type { Product } from "../catalog/catalog-schema.ts";
import { editionAddOns } from "../catalog/edition-add-ons.ts";
import { specialPurposeEditions } from "../catalog/special-purpose-editions.ts";
import { virtualCapacity } from "../rules/virtual-capacity.ts";
import type { EditionConfiguration } from "./build-representative-deployment.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { RuleOutReason } from "./edition-advice-schema.ts";

/** An operating-system edition the advisor considers: the ways it can be set up, or why it cannot. */
export type EditionPlan =
  | { readonly product: Product; readonly configurations: readonly EditionConfiguration[] }
  | { readonly product: Product; readonly reasons: readonly RuleOutReason[] };

/**
 * Lists every operating-system edition of the catalog (add-ons only beside their base edition) with the
 * configurations that can meet the profile's needs. What the catalog says an edition cannot do rules it out
 * before any evaluation: a special-purpose edition (storage appliances), Remote Desktop where it lists no `rds` service, SQL Server where no application or
 * add-on offers `sql`, and more virtual machines than a per-server or per-processor licence covers (the engine
 * stacks only 2-processor and core licences). Everything else is the engine's call.
 */
export function planEditionConfigurations(
  profile: CustomerProfile,
  catalog: Catalog,
): EditionPlan[] {
  const plans: EditionPlan[] = [];
  for (const product of catalog.products.values()) {
    if (product.kind !== "operating-system" || editionAddOns.has(product.id)) continue;
    const reasons: RuleOutReason[] = [];
    const purpose = specialPurposeEditions.get(product.id);
    if (purpose)
      reasons.push({
        code: "EDITION_SPECIAL_PURPOSE",
        message: `${product.name} is ${purpose}, not a general-purpose server`,
        rule: null,
        sources: product.sources,
      });
    const capacity = virtualCapacity(product);
    if (profile.virtualMachines > capacity)
      reasons.push({
        code: "EDITION_VM_CAPACITY",
        message: `${product.name} covers ${capacity === 0 ? "no virtual machines (physical only)" : `${capacity} virtual machine${capacity === 1 ? "" : "s"}`} per licence; ${profile.virtualMachines} needed, and calwise does not stack ${product.licensing.kind} licences`,
        rule: "server-licence-count",
        sources: product.sources,
      });
    const configurations = configure(product, profile, catalog);
    const unmet =
      configurations.length > 0 ? [] : profile.needs.filter((n) => !canMeet(product, n, catalog));
    if (configurations.length === 0 && unmet.length === 0)
      reasons.push({
        code: "EDITION_CANNOT_COMBINE_NEEDS",
        message: `${product.name} cannot provide ${profile.needs.join(" and ")} together in any configuration the catalog allows`,
        rule: null,
        sources: product.sources,
      });
    for (const need of unmet)
      reasons.push({
        code: need === "sql" ? "EDITION_LACKS_SQL" : "EDITION_LACKS_REMOTE_DESKTOP",
        message:
          need === "sql"
            ? `no SQL Server application or add-on in the catalog runs with ${product.name}`
            : `${product.name} offers no Remote Desktop Services, nor does an add-on of it (the catalog lists no RDS CALs for them)`,
        rule: null,
        sources: product.sources,
      });
    plans.push(reasons.length > 0 ? { product, reasons } : { product, configurations });
  }
  return plans;
}

/**
 * The ways an edition meets the needs: alone, or with one of its add-ons when that brings a needed service;
 * Remote Desktop on the server that offers it (the edition first); SQL on an add-on that offers it, or as a
 * SQL Server application on the main server.
 */
function configure(
  product: Product,
  profile: CustomerProfile,
  catalog: Catalog,
): EditionConfiguration[] {
  const needsRds = profile.needs.includes("remote-desktop");
  const needsSql = profile.needs.includes("sql");
  const applications = [...catalog.products.values()].filter(
    (p) => p.kind === "application" && p.services?.sql,
  );
  const addOns = [...editionAddOns]
    .filter(([, base]) => base === product.id)
    .map(([addOn]) => catalog.products.get(addOn))
    .filter((p): p is Product => p !== undefined);
  const configurations: EditionConfiguration[] = [];
  for (const addOn of [undefined, ...addOns]) {
    const offers = (service: string): "main" | "add-on" | undefined =>
      product.services?.[service] ? "main" : addOn?.services?.[service] ? "add-on" : undefined;
    const rdsOn = offers("rds");
    if (needsRds && rdsOn === undefined) continue;
    const base = {
      product: product.id,
      ...(addOn ? { addOn: addOn.id } : {}),
      ...(needsRds ? { rdsOn } : {}),
    };
    if (addOn && !(needsRds && rdsOn === "add-on") && !(needsSql && addOn.services?.sql)) continue;
    if (!needsSql) configurations.push(base);
    else {
      if (offers("sql")) configurations.push({ ...base, sqlOn: offers("sql") });
      for (const application of applications)
        configurations.push({ ...base, sqlApplication: application.id, sqlOn: "main" });
    }
  }
  return configurations;
}

/** Whether the edition, alone or with an add-on, can provide a need. */
function canMeet(product: Product, need: string, catalog: Catalog): boolean {
  const service = need === "remote-desktop" ? "rds" : need;
  if (product.services?.[service]) return true;
  if (
    service === "sql" &&
    [...catalog.products.values()].some((p) => p.kind === "application" && p.services?.sql)
  )
    return true;
  return [...editionAddOns].some(
    ([addOn, base]) => base === product.id && catalog.products.get(addOn)?.services?.[service],
  );
}
