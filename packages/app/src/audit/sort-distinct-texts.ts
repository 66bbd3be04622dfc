/** The distinct texts of `list`, sorted in code unit order (sorts `list` in place). */
export function sortDistinctTexts(list: string[]): string[] {
  if (list.length < 2) return list;
  list.sort();
  return list.filter((text, i) => i === 0 || text !== list[i - 1]);
}
