/** The period whose logons count, and the rule that chose it. */
export interface AuditWindow {
  /** First instant counted, ISO 8601 UTC; null when there is no evidence at all. */
  readonly start: string | null;
  /** The newest event seen, ISO 8601 UTC. */
  readonly newest: string | null;
  readonly rule: "since-option" | "ninety-days-before-newest";
  readonly explanation: string;
}

/** CAL reassignment is limited to once per 90 days [R15][R16]; MAP measures usage over 90 days [R44c]. */
export const defaultWindowDays = 90;

/**
 * The audit window: from `since` (YYYY-MM-DD, start of that day UTC) when given, otherwise the 90 days
 * before the newest event read. A user or device whose CAL was reassigned less than 90 days ago still
 * needed it within that period, so 90 days of logons is the shortest period that proves a need.
 */
export function chooseAuditWindow(since: string | undefined, newest: string | null): AuditWindow {
  if (since !== undefined)
    return {
      start: `${since}T00:00:00Z`,
      newest,
      rule: "since-option",
      explanation: `logons from ${since} (--since)`,
    };
  if (newest === null)
    return {
      start: null,
      newest,
      rule: "ninety-days-before-newest",
      explanation: "no logons read",
    };
  const start = new Date(Date.parse(newest) - defaultWindowDays * 86_400_000).toISOString();
  return {
    start,
    newest,
    rule: "ninety-days-before-newest",
    explanation: `the ${defaultWindowDays} days before the newest event (${newest}): CALs may be reassigned only once per 90 days [R15][R16], and MAP measures 90 days [R44c]`,
  };
}
