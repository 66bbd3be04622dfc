import type { AuditResult } from "@calwise/app";

/** What a list of audits shows of one, stored beside its result (migration 0010 computes the same for older ones). */
export interface AuditListSummary {
  /** The evidence files' names, as uploaded. */
  readonly files: readonly string[];
  /** The audit's evaluation had no error finding. */
  readonly compliant: boolean;
  /** CALs short over every family and version (0 when compliant). */
  readonly calsShort: number;
}

/** The summary of an audit's result, so the list of audits never reads a result (hundreds of MB at 1.5M accesses). */
export function summariseAuditResult(
  result: Pick<AuditResult, "files" | "evaluation">,
): AuditListSummary {
  return {
    files: result.files.map((f) => f.file),
    compliant: result.evaluation.compliant,
    calsShort: result.evaluation.families
      .flatMap((f) => f.required)
      .reduce((sum, r) => sum + r.shortfall, 0),
  };
}
