import {
  type EventFieldMap,
  type EvidenceProblem,
  type EvidenceReadOptions,
  type EvidenceReadSummary,
  fieldsListed,
  flatFieldMap,
  sentinelFieldMap,
  splunkFieldMap,
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
   * The exports whose logons (4624) carry no logon type: a CSV whose header has none of the logon
   * type's column names (`in: "header"`), a JSON export in which no logon had one the rules can read
   * (`in: "records"`). Every logon would be skipped as "no-logon-type" and the audit say "compliant"
   * with none counted (refuseUnrecognisedSources refuses them, naming the fields it looked for).
   */
  readonly withoutLogonType: {
    summary: EvidenceReadSummary;
    columns: readonly string[];
    in: "header" | "records";
  }[] = [];
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
      if (columns !== undefined) this.withoutLogonType.push({ summary: s, columns, in: "header" });
    }
    return s;
  }

  /**
   * Records that no logon of a JSON export read with logons carried a logon type (the reader's
   * groups, keyed by it, all had none): refused as a CSV without the column is. A file in which some
   * logons have one keeps the per-logon "no-logon-type" skip.
   */
  noteUntypedLogons(s: EvidenceReadSummary): void {
    const map = this.fieldMapOf(s.format);
    if (map !== undefined && (s.eventIds["4624"] ?? 0) > 0)
      this.withoutLogonType.push({ summary: s, columns: map.data.LogonType ?? [], in: "records" });
  }

  /** The field map a flat export of `format` is read through (undefined for the other formats). */
  private fieldMapOf(format: EvidenceReadSummary["format"]): EventFieldMap | undefined {
    if (format === "sentinel-csv" || format === "sentinel-json") return sentinelFieldMap;
    if (format === "splunk-json") return splunkFieldMap;
    if (format === "flat-json") return flatFieldMap;
    if (format === "mapped-csv" || format === "mapped-json") return this.fieldMap ?? flatFieldMap;
    return undefined;
  }

  /**
   * The logon type's column names when a CSV export with logons has none of them in its header (the
   * header is the whole list of columns, unless it was cut at the summary's limit); undefined otherwise.
   */
  private logonTypeColumns(s: EvidenceReadSummary): readonly string[] | undefined {
    const map =
      s.format === "sentinel-csv" || s.format === "mapped-csv"
        ? this.fieldMapOf(s.format)
        : undefined;
    const fields = s.fields;
    if (map === undefined || fields === undefined || fields.length >= fieldsListed)
      return undefined;
    if ((s.eventIds["4624"] ?? 0) === 0) return undefined;
    const columns = map.data.LogonType ?? [];
    return columns.some((name) => fields.includes(name)) ? undefined : columns;
  }
}
