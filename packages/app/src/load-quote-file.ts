import { dirname, relative, resolve } from "node:path";
import {
  buildQuote,
  CalwiseError,
  type Catalog,
  type DatedPriceList,
  type InputProblem,
  type ParsedDocument,
  type Quote,
  selectPriceList,
  validateQuoteRequest,
} from "@calwise/core";
import { loadPriceListFile } from "./load-price-list-file.ts";
import { readDocumentFile } from "./read-document-file.ts";

/**
 * Reads a quote file (YAML or JSON, docs/quotes.md), the deployment it names (a file relative to it, or inline)
 * and the price lists (`priceListPaths` from the command line, then the file's own `priceLists`), picks the list
 * valid on the quote's date in its currency, and builds the quote. `today` (YYYY-MM-DD) is the date when the
 * file gives none. Any refusal or problem is one CalwiseError INPUT_INVALID whose problems name the file, line
 * and column where each was written.
 */
export function loadQuoteFile(
  path: string,
  catalog: Catalog,
  options: { readonly priceListPaths?: readonly string[]; readonly today: string },
): { readonly quote: Quote; readonly priceList: DatedPriceList } {
  const quoteDoc = readDocumentFile(path);
  const raw = quoteDoc.data;
  const data =
    raw !== null && typeof raw === "object" && !Array.isArray(raw) && !("date" in raw)
      ? { ...raw, date: options.today }
      : raw;
  const validated = validateQuoteRequest(data);
  if (!validated.success)
    throw invalid(
      path,
      validated.problems.map((p) => locateIn(p, path, quoteDoc)),
    );
  const request = validated.value;

  let deploymentFile: string | undefined;
  let deploymentDoc: ParsedDocument | undefined;
  let deployment: unknown = request.deployment;
  if (typeof request.deployment === "string") {
    deploymentFile = resolve(dirname(path), request.deployment);
    deploymentDoc = readDocumentFile(deploymentFile);
    deployment = deploymentDoc.data;
  }

  const listPaths = [
    ...(options.priceListPaths ?? []),
    // Relative to the working directory, as the quote records the file it used.
    ...request.priceLists.map((p) => relative(process.cwd(), resolve(dirname(path), p))),
  ];
  const lists = listPaths.flatMap((p) => loadPriceListFile(p, catalog));
  const selected = selectPriceList(lists, request.date, request.currency);
  if (!selected.success)
    throw invalid(
      path,
      selected.problems.map((p) => locateIn(p, path, quoteDoc)),
    );

  const built = buildQuote({ ...request, deployment }, catalog, selected.value);
  if (!built.success) {
    const located = built.problems.map((p) => {
      if (
        deploymentFile &&
        deploymentDoc &&
        (p.path === "deployment" || p.path.startsWith("deployment."))
      )
        return locateIn(
          { ...p, path: p.path.replace(/^deployment\.?/, "") },
          deploymentFile,
          deploymentDoc,
        );
      return locateIn(p, path, quoteDoc);
    });
    const refusals = located.filter((p) => p.code === "CALS_NOT_QUOTED").length;
    throw new CalwiseError(
      "INPUT_INVALID",
      refusals > 0
        ? `refused to quote ${path}: ${refusals} server${refusals === 1 ? " requires" : "s require"} CALs, but the quote has none for ${refusals === 1 ? "it" : "them"} and records no reason (rule cal-per-user-or-device)`
        : `cannot quote ${path}: ${located.length} problem${located.length === 1 ? "" : "s"}`,
      located,
    );
  }
  return { quote: built.value, priceList: selected.value };
}

function locateIn(problem: InputProblem, file: string, doc: ParsedDocument): InputProblem {
  return { ...problem, file, ...doc.locate(problem.path) };
}

function invalid(file: string, problems: readonly InputProblem[]): CalwiseError {
  return new CalwiseError(
    "INPUT_INVALID",
    `${file} has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    problems.map((p) => ({ ...p, file: p.file ?? file })),
  );
}
