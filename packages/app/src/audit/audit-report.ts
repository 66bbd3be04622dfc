import type { AuditResult, CountedHolder, HolderEvidence } from "./audit-result-schema.ts";
import type { TrailList } from "./trail-list.ts";

/**
 * The audit result as the report writers take it: the evidence behind the CAL holders and the counted
 * users and devices (one summary per distinct access) are `TrailList`s, built as they are written;
 * every other field is the result's.
 * The fields are in the result's order, so writing it gives the result's JSON.
 */
export type AuditReport = Omit<AuditResult, "holders" | "countedUsers" | "countedDevices"> & {
  readonly holders: TrailList<HolderEvidence>;
  readonly countedUsers: TrailList<CountedHolder>;
  readonly countedDevices: TrailList<CountedHolder>;
};

/** The audit result of a report: its lists made whole, every field in its place. */
export function completeAuditReport(report: AuditReport): AuditResult {
  return {
    ...report,
    holders: [...report.holders],
    countedUsers: [...report.countedUsers],
    countedDevices: [...report.countedDevices],
  };
}
