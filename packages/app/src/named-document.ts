import type { ParsedDocument } from "@calwise/core";

/**
 * A parsed document as a use case takes it: its data, the name problems give it (a file path, an upload's
 * name, "the request body") and, when it was parsed from text, where each field was written.
 */
export interface NamedDocument {
  readonly name: string;
  readonly data: unknown;
  readonly locate?: ParsedDocument["locate"];
}
