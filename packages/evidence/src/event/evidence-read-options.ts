import type { EventFieldMap } from "../siem/event-field-map.ts";
import type { EvidenceProblem } from "./evidence-problem.ts";

/** Options every evidence reader takes. */
export interface EvidenceReadOptions {
  /** Called with every problem as it is found, in file order. */
  readonly onProblem?: (problem: EvidenceProblem) => void;
  /** Called with the number of bytes read from the file since the last call (progress bars). */
  readonly onBytes?: (bytes: number) => void;
  /** How many problems the summary keeps (all are counted and passed to onProblem). Default 100. */
  readonly keepProblems?: number;
  /** Where a `mapped-csv` or `mapped-json` export keeps each field (`--field-map`); others ignore it. */
  readonly fieldMap?: EventFieldMap;
  /**
   * Whether a JSON source is one top-level array rather than lines, when the caller has already read
   * its first character (format detection): the readers then do not open the source again to look.
   */
  readonly jsonArray?: boolean;
}
