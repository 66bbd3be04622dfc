import { compareText } from "./compare-text.ts";

/**
 * Each list's ranks as `rankTexts` gives them (a text's rank: how many of the list's distinct texts
 * compare before it), with one collator sort of all the lists' texts: a name in several lists (an
 * estate's users, as holders and as logons at the server itself) is sorted once, not once per list.
 * The sorted texts are numbered by the groups that compare equal; a list's rank of a group is the
 * count of its texts in the groups before (a prefix sum), so no list is sorted again.
 */
export function rankTextLists(lists: readonly (readonly string[])[]): Map<string, number>[] {
  const all = new Set<string>();
  for (const list of lists) for (const text of list) all.add(text);
  // By code units first, as rankTexts does: the collator's merge sort then takes the runs.
  const sorted = [...all].sort().sort(compareText);
  const groupOf = new Map<string, number>();
  let group = 0;
  for (let i = 0; i < sorted.length; i++) {
    const text = sorted[i] as string;
    if (i > 0 && compareText(sorted[i - 1] as string, text) !== 0) group++;
    groupOf.set(text, group);
  }
  return lists.map((list) => {
    const distinct = [...new Set(list)];
    const groups = Int32Array.from(distinct, (text) => groupOf.get(text) as number);
    const before = new Int32Array(group + 2);
    for (const g of groups) before[g + 1] = (before[g + 1] as number) + 1;
    for (let g = 1; g < before.length; g++)
      before[g] = (before[g] as number) + (before[g - 1] as number);
    const ranks = new Map<string, number>();
    for (let i = 0; i < distinct.length; i++)
      ranks.set(distinct[i] as string, before[groups[i] as number] as number);
    return ranks;
  });
}
