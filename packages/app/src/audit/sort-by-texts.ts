import { rankTexts } from "./rank-texts.ts";

/**
 * Sorts `list` in place as `compareText(first(a), first(b)) || compareText(second(a), second(b))`
 * would, with each distinct text ranked once (`rankTexts`) instead of the collator running in every
 * comparison: the ranks compare with the same sign, so the order is the same.
 */
export function sortByTexts<T>(
  list: T[],
  first: (entry: T) => string,
  second: (entry: T) => string,
): T[] {
  const firstRank = rankTexts(list.map(first));
  const secondRank = rankTexts(list.map(second));
  return list.sort(
    (a, b) =>
      (firstRank.get(first(a)) as number) - (firstRank.get(first(b)) as number) ||
      (secondRank.get(second(a)) as number) - (secondRank.get(second(b)) as number),
  );
}
