import { fileURLToPath } from "node:url";
import { loadCatalog } from "@calwise/catalog";
import { type QuoteRequest, validateQuoteRequest } from "@calwise/core";
import { loadPriceListFile } from "@calwise/node-files";

/** The repository root. */
export const root = fileURLToPath(new URL("../..", import.meta.url));
export const catalog = loadCatalog();
/** The example reseller list for 2026-H2 (hypothetical prices), read by the real CSV reader. */
export const prices2026 = (() => {
  const [list] = loadPriceListFile(`${root}/examples/prices-reseller-2026h2.csv`, catalog);
  if (!list) throw new Error("the example price list is empty");
  return list;
})();

/** A valid quote request for `deployment`, with overrides. */
export function quoteRequest(
  deployment: unknown,
  overrides: Record<string, unknown> = {},
): QuoteRequest {
  const validated = validateQuoteRequest({
    date: "2026-11-28",
    currency: "EUR",
    customer: { name: "Müller Sp. z o.o.", address: ["90-926 Łódź"] },
    deployment,
    ...overrides,
  });
  if (!validated.success) throw new Error(JSON.stringify(validated.problems));
  return validated.value;
}
