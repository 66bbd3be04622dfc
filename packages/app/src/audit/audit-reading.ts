import {
  type EventFieldMap,
  type EvidenceProblem,
  type EvidenceReadOptions,
  type EvidenceReadSummary,
  fieldsListed,
  flatFieldMap,
  sentinelFieldMap,
} from "@calwise/evidence";
import type { AuditFileSummary } from "./audit-result-schema.ts";
import type { DetectedSource } from "./detect-audit-sources.ts";

/** How many problems the audit result keeps (all are counted). */
const problemsKept = 200;

/**
 * What the read steps share: the problems (the first 200 kept, all counted), a summary per source in
 * reading order, and the progress over all sources' bytes.
 */
export class AuditReading {
  readonly problems: EvidenceProblem[] = [];
  problemCount = 0;
  readonly summaries: AuditFileSummary[] = [];
  /**
   * The sources in which no record was recognised (refuseUnrecognisedSources), each with its first
   * problem when the audit kept it.
   */
  readonly unrecognised: { summary: EvidenceReadSummary; firstProblem?: EvidenceProblem }[] = [];
  /**
   * The CSV exports whose logons (4624) were read from a header without any of the logon type's column
   * names: every logon would be skipped as "no-logon-type" and the audit say "compliant" with none
   * counted (refuseUnrecognisedSources refuses them, naming the columns it looked for).
   */
  readonly withoutLogonType: { summary: EvidenceReadSummary; columns: readonly string[] }[] = [];
  private bytesRead = 0;
  private readonly bytesTotal: number;

  constructor(
    detected: readonly DetectedSource[],
    private readonly onProgress?: (bytesRead: number, bytesTotal: number, name: string) => void,
    private readonly fieldMap?: EventFieldMap,
  ) {
    this.bytesTotal = detected.reduce((sum, d) => sum + (d.source.size ?? 0), 0);
  }

  private readonly onProblem = (problem: EvidenceProblem): void => {
    this.problemCount++;
    if (this.problems.length < problemsKept) this.problems.push(problem);
  };

  /**
   * The reader options for one source: problems collected here, bytes reported as progress, the
   * --field-map for mapped formats.
   */
  optionsFor(name: string): EvidenceReadOptions & { readonly keepProblems: number } {
    return {
      onProblem: this.onProblem,
      onBytes: (n) => {
        this.bytesRead += n;
        this.onProgress?.(this.bytesRead, this.bytesTotal, name);
      },
      keepProblems: 0,
      ...(this.fieldMap ? { fieldMap: this.fieldMap } : {}),
    };
  }

  /** Reads one source through `read`, then records its summary with the problems it gave. */
  async readSource(read: () => Promise<EvidenceReadSummary>): Promise<EvidenceReadSummary> {
    const before = this.problemCount;
    const keptBefore = this.problems.length;
    const s = await read();
    this.summaries.push({
      file: s.file,
      format: s.format,
      records: s.records,
      skipped: s.skipped,
      eventIds: s.eventIds,
      problemCount: this.problemCount - before,
    });
    const events = Object.values(s.eventIds).reduce((a, b) => a + b, 0);
    const firstProblem = this.problemCount > before ? this.problems[keptBefore] : undefined;
    if (events === 0 && s.yielded === 0)
      this.unrecognised.push({ summary: s, ...(firstProblem ? { firstProblem } : {}) });
    else {
      const columns = this.logonTypeColumns(s);
      if (columns !== undefined) this.withoutLogonType.push({ summary: s, columns });
    }
    return s;
  }

  /**
   * The logon type's column names when a CSV export with logons has none of them in its header (the
   * header is the whole list of columns, unless it was cut at the summary's limit); undefined otherwise.
   */
  private logonTypeColumns(s: EvidenceReadSummary): readonly string[] | undefined {
    const map =
      s.format === "sentinel-csv"
        ? sentinelFieldMap
        : s.format === "mapped-csv"
          ? (this.fieldMap ?? flatFieldMap)
          : undefined;
    const fields = s.fields;
    if (map === undefined || fields === undefined || fields.length >= fieldsListed)
      return undefined;
    if ((s.eventIds["4624"] ?? 0) === 0) return undefined;
    const columns = map.data.LogonType ?? [];
    return columns.some((name) => fields.includes(name)) ? undefined : columns;
  }
}
