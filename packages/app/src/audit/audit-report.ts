import type { AuditResult, CountedHolder } from "./audit-result-schema.ts";
import type { TrailList } from "./trail-list.ts";

/**
 * The audit result as the report writers take it: the counted users and devices (one summary per
 * distinct access) are `TrailList`s, built as they are written; every other field is the result's.
 * The fields are in the result's order, so writing it gives the result's JSON.
 */
export type AuditReport = Omit<AuditResult, "countedUsers" | "countedDevices"> & {
  readonly countedUsers: TrailList<CountedHolder>;
  readonly countedDevices: TrailList<CountedHolder>;
};

/** The audit result of a report: its lists made whole, every field in its place. */
export function completeAuditReport(report: AuditReport): AuditResult {
  return {
    ...report,
    countedUsers: [...report.countedUsers],
    countedDevices: [...report.countedDevices],
  };
}
