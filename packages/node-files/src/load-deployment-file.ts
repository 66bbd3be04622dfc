import { type DeploymentFile, loadDeploymentDocument } from "./load-deployment-document.ts";
import { readDocumentFile } from "./read-document-file.ts";

/**
 * Reads a deployment file (YAML or JSON) and the price list it uses (`--prices`, or the file it names) for the
 * evaluate use case. Problems name the file, line and column.
 */
export function loadDeploymentFile(
  path: string,
  options: { readonly priceListPath?: string } = {},
): DeploymentFile {
  return loadDeploymentDocument(readDocumentFile(path), options);
}
