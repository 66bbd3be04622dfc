import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CalwiseError,
  type Catalog,
  type InputProblem,
  indexValidatedCatalog,
  parseDocumentText,
  validateCatalog,
} from "@calwise/core";

// The CLI bundle (scripts/build-cli.mjs) sets these: the data file's path relative to the bundle, and that of
// the snapshot beside the bundle: the shipped catalog's data as `validateCatalog` accepted it at build time, so a
// run neither parses the YAML nor validates it again (test/cli/shipped-catalog-snapshot.test.ts proves the
// snapshot is `validateCatalog` of the data file).
declare const CALWISE_CATALOG_RELATIVE_URL: string | undefined;
declare const CALWISE_CATALOG_SNAPSHOT_RELATIVE_URL: string | undefined;

/** Path of the catalog shipped with calwise. */
export const DEFAULT_CATALOG_PATH = fileURLToPath(
  new URL(
    typeof CALWISE_CATALOG_RELATIVE_URL === "string"
      ? CALWISE_CATALOG_RELATIVE_URL
      : "../data/catalog.yaml",
    import.meta.url,
  ),
);

let cached: Catalog | undefined;

/**
 * Loads and validates a catalog file (the shipped one by default). A broken catalog is a CalwiseError
 * CATALOG_INVALID listing every problem with its file, line and column.
 */
export function loadCatalog(path: string = DEFAULT_CATALOG_PATH): Catalog {
  if (path === DEFAULT_CATALOG_PATH && cached) return cached;
  const snapshot =
    path === DEFAULT_CATALOG_PATH && typeof CALWISE_CATALOG_SNAPSHOT_RELATIVE_URL === "string";
  const catalog = snapshot
    ? indexValidatedCatalog(
        JSON.parse(
          readFileSync(new URL(CALWISE_CATALOG_SNAPSHOT_RELATIVE_URL, import.meta.url), "utf8"),
        ),
      )
    : loadCatalogText(readFileSync(path, "utf8"), path);
  if (path === DEFAULT_CATALOG_PATH) cached = catalog;
  return catalog;
}

/** Validates catalog text; `file` names it in problems. */
export function loadCatalogText(text: string, file: string): Catalog {
  const parsed = parseDocumentText(text);
  if ("problems" in parsed) throw invalid(file, parsed.problems);
  const result = validateCatalog(parsed.document.data);
  if (!result.success)
    throw invalid(
      file,
      result.problems.map((p) => ({ ...p, ...parsed.document.locate(p.path) })),
    );
  return result.value;
}

function invalid(file: string, problems: readonly InputProblem[]): CalwiseError {
  return new CalwiseError(
    "CATALOG_INVALID",
    `the catalog ${file} is invalid`,
    problems.map((p) => ({ ...p, file })),
  );
}
