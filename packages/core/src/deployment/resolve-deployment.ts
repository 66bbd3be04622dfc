import type { Catalog } from "../catalog/catalog.ts";
import type { Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import { checkPriceList } from "../price-list/check-price-list.ts";
import { assembleResolvedDeployment } from "./assemble-resolved-deployment.ts";
import { checkEntitlements } from "./check-entitlements.ts";
import { checkProductNames } from "./check-product-names.ts";
import { type Deployment, deploymentSchema } from "./deployment-schema.ts";
import { isPlainAccessList } from "./is-plain-access-list.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { resolveAccesses } from "./resolve-accesses.ts";
import { resolveAssumptions } from "./resolve-assumptions.ts";
import { resolvePrincipals } from "./resolve-principals.ts";
import { resolveServers } from "./resolve-servers.ts";
import type { ResolvedDeployment } from "./resolved-deployment.ts";

/**
 * Validates deployment data against the schema and the catalog and resolves every reference, collecting
 * every problem (not just the first) with its field path. A price list given as a path must have been
 * replaced by its content by the adapter that read the file.
 */
export function resolveDeployment(input: unknown, catalog: Catalog): Validated<ResolvedDeployment> {
  // Plain accesses (the usual case) are taken as they are: the schema would only copy them, hundreds of
  // thousands on a large estate. The rest of the document still goes through the schema.
  const accessList = isPlainObject(input) ? input.accesses : undefined;
  const plain = isPlainAccessList(accessList);
  const parsed = deploymentSchema.safeParse(plain ? { ...(input as object), accesses: [] } : input);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, (p) => valueAt(input, p));
    return {
      success: false,
      problems: [...problems, ...checkProductNames(input, catalog, problems)],
    };
  }
  const d: Deployment = plain
    ? { ...parsed.data, accesses: accessList as Deployment["accesses"] }
    : parsed.data;
  const out = new ProblemCollector();
  const servers = resolveServers(d, catalog, out);
  const { users, devices } = resolvePrincipals(d, out);
  const { columns, principals } = resolveAccesses(d, catalog, servers, users, devices, out);
  checkEntitlements(d, catalog, servers, users, devices, out);
  // A price list given as a path must have been replaced by its content by the adapter that read the file.
  if (typeof d.prices === "string")
    out.push({
      code: "SCHEMA",
      path: "prices",
      message: "the price list file was not loaded",
      expected: "a price list",
      received: d.prices,
    });
  const prices = typeof d.prices === "string" ? undefined : d.prices;
  if (prices) for (const p of checkPriceList(prices, catalog, "prices.")) out.push(p);
  const { assumptions, overridden } = resolveAssumptions(d, catalog, out);

  if (out.problems.length > 0) return { success: false, problems: out.problems };
  return {
    success: true,
    value: assembleResolvedDeployment(d, {
      servers,
      users,
      devices,
      principals,
      accessColumns: columns,
      prices,
      assumptions,
      overridden,
    }),
  };
}

function isPlainObject(value: unknown): value is { readonly accesses?: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
