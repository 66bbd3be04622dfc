import type { ColumnsDeployment, ParsedDocument } from "@calwise/core";

/**
 * A parsed document as a use case takes it: its data, the name problems give it (a file path, an upload's
 * name, "the request body") and, when it was parsed from text, where each field was written.
 */
export interface NamedDocument {
  readonly name: string;
  readonly data: unknown;
  readonly locate?: ParsedDocument["locate"];
  /**
   * The same deployment with its accesses as columns (a large JSON file's plain records, scanned:
   * `scanDeploymentJson`), which resolution takes when nothing is wrong with it; `data` then stands for the
   * same document, parsed only if something is.
   */
  readonly columns?: ColumnsDeployment;
}
