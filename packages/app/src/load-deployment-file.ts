import { dirname, resolve } from "node:path";
import {
  CalwiseError,
  type Catalog,
  type InputProblem,
  type ParsedDocument,
  type ResolvedDeployment,
  resolveDeployment,
  validatePriceList,
} from "@calwise/core";
import { readDocumentFile } from "./read-document-file.ts";

/**
 * Reads a deployment file (YAML or JSON), loads the price list it names by path (relative to the file), and
 * resolves it against the catalog. Every problem is reported with its file, line and column, as one
 * CalwiseError INPUT_INVALID; nothing is evaluated from a file with problems.
 */
export function loadDeploymentFile(
  path: string,
  catalog: Catalog,
  options: { priceListPath?: string } = {},
): ResolvedDeployment {
  const parsed = readDocumentFile(path);
  return resolveDeploymentData(parsed.data, catalog, { file: path, document: parsed, ...options });
}

/**
 * Resolves deployment data already parsed (a fixture, an HTTP body): loads a price list named by path relative
 * to `file`, validates, and reports problems located in `document` when given.
 */
export function resolveDeploymentData(
  data: unknown,
  catalog: Catalog,
  context: { file: string; document?: ParsedDocument; priceListPath?: string },
): ResolvedDeployment {
  const { file: path } = context;
  const locate: ParsedDocument = context.document ?? { data, locate: () => undefined };
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new CalwiseError("INPUT_INVALID", `${path} is not a deployment`, [
      {
        code: "SCHEMA",
        path: "",
        file: path,
        line: 1,
        column: 1,
        message: "expected a mapping with servers, users, devices and accesses",
        received: Array.isArray(data) ? "a list" : String(data),
      },
    ]);
  const record = data as Record<string, unknown>;
  let input: Record<string, unknown> = record;
  const priceListPath =
    context.priceListPath ??
    (typeof record.prices === "string" ? resolve(dirname(path), record.prices) : undefined);
  if (priceListPath !== undefined) input = { ...record, prices: loadPriceListData(priceListPath) };
  const result = resolveDeployment(input, catalog);
  if (!result.success) throw invalid(path, result.problems, locate);
  return result.value;
}

/** Reads and validates a price list file (YAML or JSON). */
export function loadPriceListData(path: string): unknown {
  const parsed = readDocumentFile(path);
  const result = validatePriceList(parsed.data);
  if (!result.success) throw invalid(path, result.problems, parsed);
  return parsed.data;
}

function invalid(
  file: string,
  problems: readonly InputProblem[],
  doc: ParsedDocument,
): CalwiseError {
  return new CalwiseError(
    "INPUT_INVALID",
    `${file} has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    problems.map((p) => ({ ...p, file, ...doc.locate(p.path) })),
  );
}
