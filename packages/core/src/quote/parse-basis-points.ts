import type { Validated } from "../errors/input-problem.ts";

/**
 * Reads a percentage written as a decimal (7.5, "7.5", "12.25") into integer basis points (750, 1225) without
 * going through binary floating point: the decimal text is split at the point. At most two decimals (a basis
 * point) and 0..100 %; anything else is a problem with what was expected and found.
 */
export function parseBasisPoints(value: number | string): Validated<number> {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  const problem = (message: string) => ({
    success: false as const,
    problems: [
      {
        code: "SCHEMA" as const,
        path: "",
        message,
        expected: "a percentage from 0 to 100 with at most two decimals, e.g. 7.5",
        received: String(value),
      },
    ],
  });
  if (!match) return problem("not a percentage with at most two decimals");
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (basisPoints > 10_000) return problem("a discount cannot exceed 100 %");
  return { success: true, value: basisPoints };
}

/** The shortest decimal text of a number (JavaScript prints the shortest round-trip form: 0.07 → "0.07"). */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : "not a number";
}
