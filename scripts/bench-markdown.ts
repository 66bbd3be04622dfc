// Formatting helpers for the tables of docs/benchmarks.md.

/** A Markdown table; `align` per column, "r" for numbers. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ("l" | "r")[],
): string {
  const rule = align.map((side) => (side === "r" ? "---:" : "---"));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Milliseconds for a table: whole numbers from 10 up, one decimal below, "—" when not measured. */
export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "—";
  return ms >= 10 ? Math.round(ms).toLocaleString("en") : ms.toFixed(ms >= 1 ? 1 : 3);
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en");
}

/** Megabytes, whole. */
export function formatMb(mb: number | undefined): string {
  return mb === undefined || !Number.isFinite(mb) ? "—" : Math.round(mb).toLocaleString("en");
}

/** A speed-up ratio such as "43×", or "—". */
export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}

/** "met" or "not met", for the targets tables. */
export function verdict(met: boolean): string {
  return met ? "met" : "**not met**";
}

/**
 * A verdict with its reason: "met", "**not met**: reason", or "not judged: reason" (`met` undefined: the
 * section measured the row but has nothing to hold it to, or could not measure it).
 */
export function renderVerdict(met: boolean | undefined, reason?: string): string {
  const head = met === undefined ? "not judged" : verdict(met);
  return reason === undefined || reason === "" ? head : `${head}: ${reason}`;
}

/** Orders verdicts worst first: not met (0), not judged or not run (1), met (2). */
export function rankVerdict(rendered: string): number {
  if (rendered.startsWith("**not met**")) return 0;
  return rendered.startsWith("met") ? 2 : 1;
}

/** Money in minor units as the price list's euros (two decimals). */
export const formatMoney = (minor: number) =>
  (minor / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
