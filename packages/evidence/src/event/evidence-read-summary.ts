import type { EvidenceFormat } from "./evidence-format.ts";
import type { EvidenceProblem, EvidenceProblemCode } from "./evidence-problem.ts";
import type { EvidenceProblemLog } from "./evidence-problem-log.ts";

/** What one pass over an evidence file saw: the reader generator's return value. */
export interface EvidenceReadSummary {
  readonly file: string;
  readonly format: EvidenceFormat;
  /** Records read from the file, including those a filter then left out. */
  readonly records: number;
  /** Records yielded to the caller. */
  readonly yielded: number;
  /** Records skipped because they were unusable (each is a problem). */
  readonly skipped: number;
  /** How many records of each event id were read (event readers only). */
  readonly eventIds: Readonly<Record<string, number>>;
  readonly problemCounts: Readonly<Partial<Record<EvidenceProblemCode, number>>>;
  /** The first problems in file order; `onProblem` receives every one. */
  readonly problems: readonly EvidenceProblem[];
  readonly problemsNotKept: number;
  /**
   * The field names the file offered (a CSV header, the first JSON record's keys; at most 100), so
   * that a file in which nothing was recognised can say what it holds instead.
   */
  readonly fields?: readonly string[];
}

/** How many field names a summary lists (a list this long may have left some out). */
export const fieldsListed = 100;

/** Builds a summary from a reader's counters and its problem log. */
export function summariseRead(
  file: string,
  format: EvidenceFormat,
  counts: {
    records: number;
    yielded: number;
    skipped: number;
    eventIds?: ReadonlyMap<number, number>;
    fields?: readonly string[];
  },
  log: EvidenceProblemLog,
): EvidenceReadSummary {
  const eventIds: Record<string, number> = {};
  for (const [id, n] of [...(counts.eventIds ?? new Map<number, number>())].sort(
    (a, b) => a[0] - b[0],
  ))
    eventIds[String(id)] = n;
  return {
    file,
    format,
    records: counts.records,
    yielded: counts.yielded,
    skipped: counts.skipped,
    eventIds,
    problemCounts: { ...log.counts },
    problems: [...log.kept],
    problemsNotKept: log.notKept,
    ...(counts.fields !== undefined && counts.fields.length > 0
      ? { fields: counts.fields.slice(0, fieldsListed) }
      : {}),
  };
}
