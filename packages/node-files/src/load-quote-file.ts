import { locateProblems, type NamedDocument, quoteCustomer } from "@calwise/app";
import {
  CalwiseError,
  type Catalog,
  type DatedPriceList,
  type EvaluateOptions,
  type Quote,
  validateWithSchema,
} from "@calwise/core";
import { loadPriceListFile } from "./load-price-list-file.ts";
import { quoteFileSchema } from "./quote-file-schema.ts";
import { readDocumentFile } from "./read-document-file.ts";
import { resolveNamedPath } from "./resolve-named-path.ts";

/**
 * Reads a quote file (YAML or JSON, docs/quotes.md), the deployment file it names and the price lists
 * (`priceListPaths` from the command line, taken as given, then the files the quote names), and quotes it
 * with the quote use case. Files the quote names are relative to it and refused when they lead out of its
 * folder. `today` (YYYY-MM-DD) is the date when the file gives none. Problems name the file, line and column.
 */
export function loadQuoteFile(
  path: string,
  catalog: Catalog,
  options: {
    readonly priceListPaths?: readonly string[];
    readonly today: string;
    /** A MIP solver and plans kept (`evaluateUntilProven`). */
    readonly evaluation?: EvaluateOptions;
  },
): { readonly quote: Quote; readonly priceList: DatedPriceList } {
  const request = readDocumentFile(path);
  const raw = request.data;
  const isMapping = raw !== null && typeof raw === "object" && !Array.isArray(raw);
  // The file form first, so a malformed quote is reported before any file it names is read.
  const checked = validateWithSchema(
    quoteFileSchema,
    isMapping && !("date" in raw) ? { ...raw, date: options.today } : raw,
  );
  if (!checked.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `${path} has ${checked.problems.length} problem${checked.problems.length === 1 ? "" : "s"}`,
      locateProblems(checked.problems, request),
    );
  const file = checked.value;
  const deployment =
    typeof file.deployment === "string"
      ? readDocumentFile(resolveNamedPath(request, "deployment", file.deployment))
      : undefined;
  const namedLists = file.priceLists.flatMap((entry, i) =>
    typeof entry === "string" ? [resolveNamedPath(request, `priceLists[${i}]`, entry)] : [],
  );
  const priceLists = [...(options.priceListPaths ?? []), ...namedLists].flatMap((p) =>
    loadPriceListFile(p, catalog),
  );
  // The request as data: the files it named are read, only its inline price lists remain.
  const data = isMapping
    ? {
        ...raw,
        ...("priceLists" in raw
          ? { priceLists: file.priceLists.filter((entry) => typeof entry !== "string") }
          : {}),
      }
    : raw;
  return quoteCustomer({
    request: { ...request, data } satisfies NamedDocument,
    ...(deployment ? { deployment } : {}),
    priceLists,
    catalog,
    today: options.today,
    ...(options.evaluation ? { evaluation: options.evaluation } : {}),
  });
}
