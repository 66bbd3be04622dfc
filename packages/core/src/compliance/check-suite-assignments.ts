import { type Catalog, ruleSources } from "../catalog/catalog.ts";
import type { AssignmentSpec } from "../deployment/deployment-schema.ts";
import type { Finding } from "../findings/finding.ts";

/** A CAL Suite is one licence for one user or device: using it for different holders per family is a split. */
export function checkSuiteAssignments(
  assignments: readonly AssignmentSpec[],
  catalog: Catalog,
): Finding[] {
  const findings: Finding[] = [];
  for (const a of assignments) {
    if (a.suite === undefined || a.coverage === undefined) continue;
    const holders = [...new Set(Object.values(a.coverage))];
    if (holders.length <= 1) continue;
    const detail = Object.entries(a.coverage)
      .map(([family, holder]) => `${holder} for ${family}`)
      .join(", ");
    findings.push({
      code: "SUITE_SPLIT",
      severity: "error",
      message: `suite licence ${a.licence} (${a.suite}) is split across ${holders.join(" and ")}: ${detail}`,
      expected: "one holder for every CAL in the suite",
      received: `${holders.length} holders`,
      subject: { licence: a.licence, suite: a.suite },
      remedy: "assign the suite to one user or device, and buy separate CALs for the other",
      rule: "suite-single-licence",
      sources: ruleSources(catalog, "suite-single-licence"),
    });
  }
  return findings;
}
