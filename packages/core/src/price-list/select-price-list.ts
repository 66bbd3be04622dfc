import type { Validated } from "../errors/input-problem.ts";
import type { DatedPriceList } from "./dated-price-list.ts";

/**
 * Picks, from a reseller's price lists, the one valid on `date` in `currency`. When several are valid the one
 * that started last wins (a new list supersedes the standing one); two that started the same day are
 * ambiguous. No valid list is a problem that lists what there is.
 */
export function selectPriceList(
  lists: readonly DatedPriceList[],
  date: string,
  currency: string,
): Validated<DatedPriceList> {
  const valid = lists.filter((l) => isValidOn(l, date) && l.currency === currency);
  const describe = (l: DatedPriceList) =>
    `${l.name}${l.version ? ` ${l.version}` : ""} (${l.currency}, ${l.validFrom ?? "…"} to ${l.validTo ?? "…"}${l.source ? `, ${l.source}` : ""})`;
  if (valid.length === 0)
    return {
      success: false,
      problems: [
        {
          code: "NO_PRICE_LIST",
          path: "priceLists",
          message: `no price list in ${currency} is valid on ${date}`,
          expected: `a ${currency} price list valid on ${date}`,
          received: lists.length === 0 ? "no price list" : lists.map(describe).join("; "),
        },
      ],
    };
  const latest = valid.reduce((a, b) => ((b.validFrom ?? "") > (a.validFrom ?? "") ? b : a));
  const tied = valid.filter((l) => (l.validFrom ?? "") === (latest.validFrom ?? ""));
  if (tied.length > 1)
    return {
      success: false,
      problems: [
        {
          code: "AMBIGUOUS_PRICE_LIST",
          path: "priceLists",
          message: `${tied.length} ${currency} price lists are valid on ${date} and started the same day`,
          expected: "one list per day and currency (give each a different validFrom)",
          received: tied.map(describe).join("; "),
        },
      ],
    };
  return { success: true, value: latest };
}

/** Whether `date` lies within the list's validity (inclusive; an open end is unbounded). */
export function isValidOn(list: DatedPriceList, date: string): boolean {
  return (
    (list.validFrom === undefined || list.validFrom <= date) &&
    (list.validTo === undefined || date <= list.validTo)
  );
}
