import type { NamedDocument } from "@calwise/app";
import { CalwiseError, parseDocumentText, scanDeploymentJson } from "@calwise/core";
import { readTextFile } from "./read-text-file.ts";

/**
 * Reads a YAML or JSON file into a document named by its path that can locate its fields. Unreadable or
 * malformed text is a CalwiseError INPUT_UNREADABLE whose problems name the file, line and column. With
 * `accessColumns`, a JSON deployment of plain access records is read with its accesses as columns
 * (`scanDeploymentJson`; its data parsed only if resolution finds a problem), any other text as before.
 */
export function readDocumentFile(
  path: string,
  options: { readonly accessColumns?: boolean } = {},
): NamedDocument & Required<Pick<NamedDocument, "locate">> {
  const text = readTextFile(path);
  const scanned = options.accessColumns === true ? scanDeploymentJson(text) : undefined;
  if (scanned !== undefined)
    return {
      name: path,
      get data() {
        return scanned.data;
      },
      locate: scanned.locate,
      columns: scanned.columns,
    };
  const parsed = parseDocumentText(text);
  if ("problems" in parsed)
    throw new CalwiseError(
      "INPUT_UNREADABLE",
      `${path} is not valid YAML or JSON`,
      parsed.problems.map((p) => ({ ...p, file: path })),
    );
  return { name: path, data: parsed.document.data, locate: parsed.document.locate };
}
