import { CalwiseError, type ParsedDocument, parseDocumentText } from "@calwise/core";
import { readTextFile } from "./read-text-file.ts";

/**
 * Reads a YAML or JSON file into data that can locate its fields. Unreadable or malformed text is a
 * CalwiseError INPUT_UNREADABLE whose problems name the file, line and column.
 */
export function readDocumentFile(path: string): ParsedDocument {
  const parsed = parseDocumentText(readTextFile(path));
  if ("problems" in parsed)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${path} is not valid YAML or JSON`,
      parsed.problems.map((p) => ({ ...p, file: path })),
    );
  return parsed.document;
}
