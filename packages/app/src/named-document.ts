import type { ParsedDocument } from "@calwise/core";

/**
 * A parsed YAML or JSON document as a use case takes it: its data, the name problems give it (a
 * file's path, an upload's name) and, when the text is at hand, the way back from a field path to
 * its line and column.
 */
export interface NamedDocument {
  readonly name: string;
  readonly data: ParsedDocument["data"];
  readonly locate?: ParsedDocument["locate"];
}
