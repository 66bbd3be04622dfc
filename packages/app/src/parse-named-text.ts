import { CalwiseError, parseDocumentText } from "@calwise/core";
import type { NamedDocument } from "./named-document.ts";

/**
 * Parses YAML or JSON text that came with a name (a file, an upload) into a NamedDocument that can locate
 * its fields; text that is not YAML or JSON is a CalwiseError INPUT_UNREADABLE with each problem located.
 */
export function parseNamedText(
  name: string,
  text: string,
): NamedDocument & Required<Pick<NamedDocument, "locate">> {
  const parsed = parseDocumentText(text);
  if ("problems" in parsed)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${name} is not valid YAML or JSON`,
      parsed.problems.map((p) => ({ ...p, file: name })),
    );
  return { name, data: parsed.document.data, locate: parsed.document.locate };
}
