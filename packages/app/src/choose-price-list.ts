import { CalwiseError, type DatedPriceList, isValidOn, selectPriceList } from "@calwise/core";

/**
 * The list valid on the date (the one that started last), or none when no list is given; `currency` decides
 * when lists in several currencies are valid. `fieldNames` names the inputs in problems (the CLI's options).
 */
export function choosePriceList(
  lists: readonly DatedPriceList[],
  date: string,
  currency: string | undefined,
  fieldNames: { readonly currency: string; readonly priceLists: string } = {
    currency: "currency",
    priceLists: "priceLists",
  },
): DatedPriceList | undefined {
  if (lists.length === 0) return undefined;
  const currencies = [...new Set(lists.filter((l) => isValidOn(l, date)).map((l) => l.currency))];
  if (currency === undefined && currencies.length > 1)
    throw new CalwiseError(
      "INPUT_INVALID",
      `price lists in ${currencies.join(" and ")} are valid on ${date}`,
      [
        {
          code: "AMBIGUOUS_PRICE_LIST",
          path: fieldNames.currency,
          message: "say which currency to advise in",
          expected: `${fieldNames.currency} ${currencies.join(" | ")}`,
          received: `no ${fieldNames.currency}`,
        },
      ],
    );
  const selected = selectPriceList(
    lists,
    date,
    currency ?? currencies[0] ?? (lists[0] as DatedPriceList).currency,
  );
  if (!selected.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `cannot choose a price list for ${date}`,
      selected.problems.map((p) => ({ ...p, path: fieldNames.priceLists })),
    );
  return selected.value;
}
