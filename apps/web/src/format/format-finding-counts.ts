import { formatCount } from "./format-count.ts";

/** What a finding says of its counts (the engine's Finding: `expected`, `received`, numbers or words). */
export interface FindingCounts {
  readonly expected?: string | number | undefined;
  readonly received?: string | number | undefined;
}

/** The integers a finding's expected and received values name, with their difference (a shortfall's "buy N"). */
export function countsOfFinding(finding: FindingCounts): Set<number> {
  const counts = new Set<number>();
  const numbers = [finding.expected, finding.received].map((value) =>
    typeof value === "number"
      ? [value]
      : typeof value === "string"
        ? (value.match(/\d+/g) ?? []).map(Number)
        : [],
  );
  for (const list of numbers) for (const n of list) counts.add(n);
  const [expected] = numbers[0] ?? [];
  const [received] = numbers[1] ?? [];
  if (expected !== undefined && received !== undefined) counts.add(Math.abs(expected - received));
  return counts;
}

/**
 * A finding's message (or remedy) with the counts it states written for people ("You own 50,000 of the 85,225 …:
 * buy 35,225"), found from the finding's own expected and received values, not from the sentence alone: the
 * engine's messages stay locale-free (CLI and golden files), the browser formats them.
 */
export function formatFindingCounts(text: string, finding: FindingCounts): string {
  return formatStatedCounts(text, countsOfFinding(finding));
}

/**
 * A sentence of the API's with the given counts written for people wherever it states them. A number after a
 * capitalised word or "version" is a name or a version ("Windows Server 2022", "version 2025 or later") and is
 * left as it is, even when it equals a count; so is any number not among the counts.
 */
export function formatStatedCounts(text: string, counts: Iterable<number>): string {
  const known = new Set(counts);
  return text.replace(/(?<![\w.,])\d{4,}(?![\w.,]\d)/g, (token, offset: number) => {
    const before = text.slice(0, offset);
    if (/(?:\b[A-Z][\w-]*|\bversion|\bv)\s$/.test(before)) return token;
    const value = Number(token);
    return known.has(value) ? formatCount(value) : token;
  });
}
