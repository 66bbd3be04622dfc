import { type Catalog, type EvaluationResult, evaluateDeployment } from "@calwise/core";
import type { DeploymentComparison } from "./deployment-comparison-schema.ts";
import type { NamedDocument } from "./named-document.ts";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

/** What comparing takes: two deployment documents (e.g. two revisions of one deployment) and the catalog. */
export interface CompareDeploymentsInput {
  readonly before: NamedDocument;
  readonly after: NamedDocument;
  readonly catalog: Catalog;
}

/**
 * The compare use case: resolves and evaluates both documents with the same engine as `calwise evaluate`,
 * then lists what changed (servers, users and devices after range expansion, accesses) and what that does
 * to the CALs needed, the purchase, compliance and the findings. A problem in either document is its
 * CalwiseError INPUT_INVALID, located in that document.
 */
export function compareDeployments(input: CompareDeploymentsInput): DeploymentComparison {
  const before = resolveDeploymentDocument(input.before, input.catalog);
  const after = resolveDeploymentDocument(input.after, input.catalog);
  const was = evaluateDeployment(before, input.catalog);
  const is = evaluateDeployment(after, input.catalog);
  const findingKey = (f: EvaluationResult["findings"][number]) => JSON.stringify(f);
  const wasFindings = new Set(was.findings.map(findingKey));
  const isFindings = new Set(is.findings.map(findingKey));
  return {
    schemaVersion: 1,
    catalogVersion: is.catalogVersion,
    before: input.before.name,
    after: input.after.name,
    servers: {
      ...compareNames(before.servers.keys(), after.servers.keys()),
      changed: [...after.servers.values()]
        .filter((server) => {
          const old = before.servers.get(server.name);
          return old !== undefined && JSON.stringify(old.spec) !== JSON.stringify(server.spec);
        })
        .map((server) => server.name),
    },
    users: compareNames(before.users.keys(), after.users.keys()),
    devices: compareNames(before.devices.keys(), after.devices.keys()),
    accesses: { before: before.accesses.length, after: after.accesses.length },
    cals: compareCals(was, is),
    purchaseTotal: {
      currency: is.currency ?? was.currency,
      before: was.purchaseTotal,
      after: is.purchaseTotal,
    },
    compliant: { before: was.compliant, after: is.compliant },
    findings: {
      added: is.findings.filter((f) => !wasFindings.has(findingKey(f))),
      resolved: was.findings.filter((f) => !isFindings.has(findingKey(f))),
    },
  };
}

function compareNames(
  before: Iterable<string>,
  after: Iterable<string>,
): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const is = new Set(after);
  return {
    added: [...is].filter((name) => !was.has(name)),
    removed: [...was].filter((name) => !is.has(name)),
  };
}

type CalCount = { readonly required: number; readonly shortfall: number };

function compareCals(was: EvaluationResult, is: EvaluationResult): DeploymentComparison["cals"] {
  const rows = new Map<
    string,
    {
      family: string;
      name: string;
      version: string;
      type: "user" | "device";
      before: CalCount;
      after: CalCount;
    }
  >();
  const none: CalCount = { required: 0, shortfall: 0 };
  for (const [side, result] of [
    ["before", was],
    ["after", is],
  ] as const)
    for (const family of result.families)
      for (const need of family.required) {
        const key = `${family.family}\u0000${need.version}\u0000${need.type}`;
        const row = rows.get(key) ?? {
          family: family.family,
          name: family.name,
          version: need.version,
          type: need.type,
          before: none,
          after: none,
        };
        row[side] = { required: need.count, shortfall: need.shortfall };
        rows.set(key, row);
      }
  return [...rows.values()].map((row) => ({
    ...row,
    change: row.after.required - row.before.required,
  }));
}
