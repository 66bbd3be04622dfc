import fc from "fast-check";

/** One edit of a document's text: the kind of hostile or broken input a stranger's file holds. */
export type TextMutation =
  | { readonly kind: "replace-char"; readonly at: number; readonly char: string }
  | { readonly kind: "delete-line" | "duplicate-line" | "truncate"; readonly at: number }
  | { readonly kind: "swap-lines"; readonly at: number; readonly other: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string };

/** Snippets that break or stretch a YAML/JSON reader or the engine behind it. */
const nasty = [
  "\u0000",
  "\u001b[2J",
  "&a ",
  "*a",
  "<<: *a\n",
  "!!binary AAAA",
  "!!js/function x",
  "{",
  "]",
  ": :",
  "'",
  '"',
  "\t",
  "\r",
  "\u202e",
  "-1",
  "0",
  "1e308",
  "9007199254740993",
  "NaN",
  ".inf",
  "2026-02-30",
  "U{1..999999}",
  "U{5..1}",
  "../../etc/passwd",
  "/dev/zero",
  "null",
  "[]",
  "{}",
  "x".repeat(5000),
  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
  "\n  - { name: X, product: ws2012-standard, runsOn: X }\n",
] as const;

/** Arbitrary sequences of edits (positions are fractions of the text, so they fit any seed). */
export const textMutations = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant("replace-char" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      char: fc.oneof(fc.constantFrom(...nasty), fc.string({ maxLength: 3 })),
    }),
    fc.record({
      kind: fc.constantFrom("delete-line" as const, "duplicate-line" as const, "truncate" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("swap-lines" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      other: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom(...nasty),
    }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Applies the edits in order. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
  let out = text;
  for (const m of mutations) {
    const lines = out.split("\n");
    const line = Math.floor(m.at * lines.length) % Math.max(1, lines.length);
    const offset = Math.floor(m.at * out.length);
    switch (m.kind) {
      case "replace-char":
        out = out.slice(0, offset) + m.char + out.slice(offset + 1);
        break;
      case "insert":
        out = out.slice(0, offset) + m.text + out.slice(offset);
        break;
      case "truncate":
        out = out.slice(0, offset);
        break;
      case "delete-line":
        lines.splice(line, 1);
        out = lines.join("\n");
        break;
      case "duplicate-line":
        lines.splice(line, 0, lines[line] ?? "");
        out = lines.join("\n");
        break;
      case "swap-lines": {
        const other = Math.floor(m.other * lines.length) % Math.max(1, lines.length);
        [lines[line], lines[other]] = [lines[other] ?? "", lines[line] ?? ""];
        out = lines.join("\n");
        break;
      }
    }
  }
  return out;
}
