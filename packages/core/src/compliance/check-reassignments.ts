import { type Catalog, ruleSources } from "../catalog/catalog.ts";
import type { AssignmentSpec } from "../deployment/deployment-schema.ts";
import type { Finding } from "../findings/finding.ts";

const DAY_MS = 86_400_000;
/** Reassignment is allowed at most once per 90 days [R15][R16]. */
export const REASSIGNMENT_DAYS = 90;
const EXCEPTIONS = new Set([
  "initial",
  "hardware-failure",
  "end-of-employment",
  "temporary-absence",
  "return-from-temporary",
]);

/**
 * Checks each licence's assignment history against the 90-day rule. A move for permanent hardware failure,
 * end of employment, or temporary cover of an absence (and its return) is an exception [R15][R16][R17];
 * any other move within 90 days of the licence's last assignment is a violation.
 */
export function checkReassignments(
  assignments: readonly AssignmentSpec[],
  catalog: Catalog,
): Finding[] {
  const findings: Finding[] = [];
  for (const a of assignments) {
    const history = [...(a.history ?? [])].sort((x, y) => x.date.localeCompare(y.date));
    for (let i = 1; i < history.length; i++) {
      const prev = history[i - 1] as (typeof history)[number];
      const move = history[i] as (typeof history)[number];
      if (EXCEPTIONS.has(move.reason)) continue;
      const days = Math.round((Date.parse(move.date) - Date.parse(prev.date)) / DAY_MS);
      if (days >= REASSIGNMENT_DAYS) continue;
      findings.push({
        code: "REASSIGNMENT_WITHIN_90_DAYS",
        severity: "error",
        message: `licence ${a.licence} moved from ${prev.to} to ${move.to} on ${move.date}, ${days} days after its last assignment (${prev.date}), with no exception`,
        expected: `at least ${REASSIGNMENT_DAYS} days, or an exception (hardware failure, end of employment, temporary absence)`,
        received: `${days} days (${move.reason})`,
        subject: { licence: a.licence, from: prev.to, to: move.to, date: move.date },
        rule: "reassignment-90-days",
        sources: ruleSources(catalog, "reassignment-90-days"),
      });
    }
  }
  return findings;
}
