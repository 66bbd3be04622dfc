/** What an agent types for a word of an edition's name: "std" is Standard, "dc" and "datacentre" Datacenter. */
const SHORT_FOR: Readonly<Record<string, string>> = {
  std: "standard",
  dc: "datacenter",
  datacentre: "datacenter",
  ent: "enterprise",
  ess: "essentials",
  fnd: "foundation",
  sbs: "small business server",
  prem: "premium",
};

/**
 * The editions an agent's search names, in catalog order, exact matches first: every word typed must appear in the
 * name or id, in any order ("2022 ess" finds Windows Server 2022 Essentials). A word of letters may also be an
 * abbreviation ("std", "dc") or a word of the name misspelt by a letter or two ("standrad", "Datacentre"), so a
 * typo never leaves the agent on the edition chosen before. Numbers match only as typed: 2016 is not 2012.
 */
export function matchEditions<T extends { readonly id: string; readonly name: string }>(
  editions: readonly T[],
  search: string,
): T[] {
  const typed = search
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== "");
  if (typed.length === 0) return [...editions];
  const exact: T[] = [];
  const close: T[] = [];
  for (const edition of editions) {
    const name = edition.name.toLowerCase();
    const nameWords = name.split(/[^a-z0-9]+/).filter((w) => /^[a-z]+$/.test(w));
    const found = (w: string) => name.includes(w) || edition.id.includes(w);
    if (typed.every(found)) exact.push(edition);
    else if (
      typed.every((w) => {
        const word = SHORT_FOR[w] ?? w;
        return found(word) || (/^[a-z]{4,}$/.test(w) && nameWords.some((v) => misspelt(w, v)));
      })
    )
      close.push(edition);
  }
  return [...exact, ...close];
}

/** Whether `typed` is `word`, or the start of it, with one slip (two in a word of 7 letters or more). */
function misspelt(typed: string, word: string): boolean {
  const slips = typed.length >= 7 ? 2 : 1;
  return (
    slipsBetween(typed, word) <= slips ||
    (typed.length < word.length && slipsBetween(typed, word.slice(0, typed.length)) <= slips)
  );
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function slipsBetween(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}
