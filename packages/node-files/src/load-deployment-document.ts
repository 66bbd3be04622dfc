import { type NamedDocument, readDeploymentPriceList } from "@calwise/app";
import type { PriceList } from "@calwise/core";
import { readDocumentFile } from "./read-document-file.ts";
import { resolveNamedPath } from "./resolve-named-path.ts";

/** A deployment file read for the evaluate use case: the document and the price list it uses. */
export interface DeploymentFile {
  readonly deployment: NamedDocument;
  readonly prices?: PriceList;
}

/**
 * Reads the price list of a deployment document in the file form (docs/deployment.md): `priceListPath` when
 * the user gave one (`--prices`, taken as given), else the file the deployment names in `prices`, relative to
 * the deployment and refused when it leads out of its folder (`resolveNamedPath`). An inline price list is
 * left in the data for the use case.
 */
export function loadDeploymentDocument(
  deployment: NamedDocument,
  options: { readonly priceListPath?: string } = {},
): DeploymentFile {
  // A scanned document's base holds the same `prices` as its data, without parsing the whole text.
  const data = deployment.columns?.base ?? deployment.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { deployment };
  const named = (data as Record<string, unknown>).prices;
  const path =
    options.priceListPath ??
    (typeof named === "string" ? resolveNamedPath(deployment, "prices", named) : undefined);
  if (path === undefined) return { deployment };
  return { deployment, prices: readDeploymentPriceList(readDocumentFile(path)) };
}
