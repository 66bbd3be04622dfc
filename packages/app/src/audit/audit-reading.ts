import type { EvidenceProblem, EvidenceReadOptions, EvidenceReadSummary } from "@calwise/evidence";
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
  private bytesRead = 0;
  private readonly bytesTotal: number;

  constructor(
    detected: readonly DetectedSource[],
    private readonly onProgress?: (bytesRead: number, bytesTotal: number, name: string) => void,
  ) {
    this.bytesTotal = detected.reduce((sum, d) => sum + (d.source.size ?? 0), 0);
  }

  private readonly onProblem = (problem: EvidenceProblem): void => {
    this.problemCount++;
    if (this.problems.length < problemsKept) this.problems.push(problem);
  };

  /** The reader options for one source: problems collected here, bytes reported as progress. */
  optionsFor(name: string): EvidenceReadOptions & { readonly keepProblems: number } {
    return {
      onProblem: this.onProblem,
      onBytes: (n) => {
        this.bytesRead += n;
        this.onProgress?.(this.bytesRead, this.bytesTotal, name);
      },
      keepProblems: 0,
    };
  }

  /** Reads one source through `read`, then records its summary with the problems it gave. */
  async readSource(read: () => Promise<EvidenceReadSummary>): Promise<EvidenceReadSummary> {
    const before = this.problemCount;
    const s = await read();
    this.summaries.push({
      file: s.file,
      format: s.format,
      records: s.records,
      skipped: s.skipped,
      eventIds: s.eventIds,
      problemCount: this.problemCount - before,
    });
    return s;
  }
}
