import {
  CalwiseError,
  type Catalog,
  checkPriceList,
  type DatedPriceList,
  type InputProblem,
  validateDatedPriceList,
} from "@calwise/core";
import { parseNamedText } from "./parse-named-text.ts";
import { readPriceListCsv } from "./read-price-list-csv.ts";

/**
 * Reads a reseller price list from its text: CSV when `name` ends in `.csv` (one row per SKU, see
 * docs/quotes.md), otherwise YAML/JSON (the price list schema plus validFrom/validTo). Checks every item against
 * the catalog. Returns the lists it holds (a CSV may hold several periods or currencies); any problem is a
 * CalwiseError INPUT_INVALID whose problems name `name`, the line and column, what was expected and found.
 */
export function readPriceListText(name: string, text: string, catalog: Catalog): DatedPriceList[] {
  if (name.toLowerCase().endsWith(".csv")) {
    const read = readPriceListCsv(text, name);
    const problems: InputProblem[] = [...read.problems];
    for (const list of read.lists)
      for (const p of checkPriceList(list, catalog))
        problems.push({ ...p, path: "", ...read.locate(list, p.path) });
    if (problems.length > 0) throw invalid(name, problems);
    return read.lists;
  }
  const document = parseNamedText(name, text);
  const result = validateDatedPriceList(document.data);
  if (!result.success)
    throw invalid(
      name,
      result.problems.map((p) => ({ ...p, ...document.locate(p.path) })),
    );
  const list: DatedPriceList = { ...result.value, source: name };
  const problems = checkPriceList(list, catalog).map((p) => ({
    ...p,
    ...document.locate(p.path),
  }));
  if (problems.length > 0) throw invalid(name, problems);
  return [list];
}

function invalid(file: string, problems: readonly InputProblem[]): CalwiseError {
  return new CalwiseError(
    "INPUT_INVALID",
    `the price list ${file} has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    problems.map((p) => ({ ...p, file })),
  );
}
