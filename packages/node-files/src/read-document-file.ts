import type { NamedDocument } from "@calwise/app";
import { CalwiseError, parseDocumentText } from "@calwise/core";
import { readTextFile } from "./read-text-file.ts";

/**
 * Reads a YAML or JSON file into a document named by its path that can locate its fields. Unreadable or
 * malformed text is a CalwiseError INPUT_UNREADABLE whose problems name the file, line and column.
 */
export function readDocumentFile(
  path: string,
): NamedDocument & Required<Pick<NamedDocument, "locate">> {
  const parsed = parseDocumentText(readTextFile(path));
  if ("problems" in parsed)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${path} is not valid YAML or JSON`,
      parsed.problems.map((p) => ({ ...p, file: path })),
    );
  return { name: path, data: parsed.document.data, locate: parsed.document.locate };
}
