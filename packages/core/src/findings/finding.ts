/** A compliance finding: data with a stable code, the figures, and the rule and sources behind it. */
export interface Finding {
  /** Stable code, e.g. EDITION_USER_LIMIT, CAL_SHORTFALL, SUITE_SPLIT, REASSIGNMENT_WITHIN_90_DAYS. */
  readonly code: string;
  /** `error` makes the deployment non-compliant; `warning` and `info` do not. */
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly expected?: string | number;
  readonly received?: string | number;
  /** What the finding is about: a server, a family, a licence. */
  readonly subject?: Readonly<Record<string, string>>;
  /** What would close it. */
  readonly remedy?: string;
  readonly rule: string;
  readonly sources: readonly string[];
}
