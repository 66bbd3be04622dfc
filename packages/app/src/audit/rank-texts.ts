import { compareText } from "./compare-text.ts";

/**
 * Each text's place in `compareText` order, texts that compare equal sharing one: sorting by these
 * numbers is sorting by `compareText` (ties keep their order), with the collator run once per
 * distinct text instead of in every comparison of every sort.
 */
export function rankTexts(texts: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(texts)].sort(compareText);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (const [i, text] of sorted.entries()) {
    if (i > 0 && compareText(sorted[i - 1] as string, text) !== 0) rank = i;
    ranks.set(text, rank);
  }
  return ranks;
}
