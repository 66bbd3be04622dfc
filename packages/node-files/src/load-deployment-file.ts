import { type DeploymentFile, loadDeploymentDocument } from "./load-deployment-document.ts";
import { readDocumentFile } from "./read-document-file.ts";

/**
 * Reads a deployment file (YAML or JSON) and the price list it uses (`--prices`, or the file it names) for the
 * evaluate use case. Problems name the file, line and column. `accessColumns`: a JSON file of plain access
 * records is read with its accesses as columns (`readDocumentFile`), for a use case that only resolves it.
 */
export function loadDeploymentFile(
  path: string,
  options: { readonly priceListPath?: string; readonly accessColumns?: boolean } = {},
): DeploymentFile {
  return loadDeploymentDocument(
    readDocumentFile(path, { accessColumns: options.accessColumns === true }),
    options,
  );
}
