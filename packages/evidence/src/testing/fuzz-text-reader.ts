import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { fuzzRuns } from "../../../../test/fuzz/fuzz-runs.ts";
import { mutateText, textMutations } from "../../../../test/fuzz/mutate-text.ts";
import { type EvidenceProblem, evidenceProblemCodes } from "../event/evidence-problem.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import { findControlCharacter } from "../logon/check-logon-fields.ts";
import { type ByteSource, bytesSource } from "../source/byte-source.ts";

/** A text reader under fuzzing: any evidence reader that yields records and returns a summary. */
export type FuzzedReader = (
  source: ByteSource,
  onProblem: (problem: EvidenceProblem) => void,
) => AsyncGenerator<unknown, EvidenceReadSummary, undefined>;

/** A hostile input built around a fixture's text: what a stranger's file may hold. */
type Hostile =
  | { readonly kind: "mutated"; readonly utf16: boolean }
  | { readonly kind: "binary"; readonly bytes: Uint8Array }
  | { readonly kind: "invalid-utf8"; readonly at: number }
  | { readonly kind: "invalid-utf16"; readonly at: number }
  | {
      readonly kind: "huge-line";
      readonly at: number;
      readonly char: string;
      readonly end: boolean;
    }
  | { readonly kind: "deep-nesting"; readonly at: number; readonly open: string }
  | { readonly kind: "unclosed-quote"; readonly at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const hostileArbitrary: fc.Arbitrary<Hostile> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("mutated" as const), utf16: fc.boolean() }),
  },
  fc.record({ kind: fc.constant("binary" as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
  fc.record({ kind: fc.constant("invalid-utf8" as const), at: fraction }),
  fc.record({ kind: fc.constant("invalid-utf16" as const), at: fraction }),
  fc.record({
    kind: fc.constant("huge-line" as const),
    at: fraction,
    // A character, a quote, a comma (a million columns), a brace: each stretches another path.
    char: fc.constantFrom("x", '"', ",", "{", "<", " ", "\u00e9"),
    end: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("deep-nesting" as const),
    at: fraction,
    open: fc.constantFrom("[", '{"a":', "<Event><a>", "<a>", '"'),
  }),
  fc.record({ kind: fc.constant("unclosed-quote" as const), at: fraction }),
);

/** Past every reader's line and record cap (1 MiB), so the cap itself is exercised. */
const hugeLength = (1 << 20) + 4099;

function splice(text: string, at: number, insert: string): string {
  const offset = Math.floor(at * text.length);
  return text.slice(0, offset) + insert + text.slice(offset);
}

function build(base: string, hostile: Hostile, mutated: string): Uint8Array {
  switch (hostile.kind) {
    case "mutated":
      return hostile.utf16
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(mutated, "utf16le")])
        : Buffer.from(mutated);
    case "binary":
      return hostile.bytes;
    case "invalid-utf8": {
      const bytes = Buffer.from(base);
      const at = Math.floor(hostile.at * bytes.length);
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([0xff, 0xc3, 0x80, 0xbf, 0xed, 0xa0, 0x80]),
        bytes.subarray(at),
      ]);
    }
    case "invalid-utf16": {
      // A lone surrogate and an odd final byte.
      const bytes = Buffer.from(splice(base, hostile.at, "\ud800x\udc00"), "utf16le");
      return Buffer.concat([Buffer.from([0xff, 0xfe]), bytes, Buffer.from([0x41])]);
    }
    case "huge-line": {
      const line = hostile.char.repeat(hugeLength);
      return Buffer.from(hostile.end ? base + line : splice(base, hostile.at, line));
    }
    case "deep-nesting":
      return Buffer.from(splice(base, hostile.at, hostile.open.repeat(20_000)));
    case "unclosed-quote":
      return Buffer.from(splice(base, hostile.at, '"'));
  }
}

/** Checks one problem: a known code, a location, a short message that carries no control character. */
export function assertProblemReported(problem: EvidenceProblem): void {
  assert.ok(evidenceProblemCodes.includes(problem.code), `unknown code ${problem.code}`);
  assert.ok(
    problem.line !== undefined || problem.offset !== undefined,
    `${problem.code} is located`,
  );
  for (const text of [problem.message, problem.expected ?? "", problem.received ?? ""]) {
    assert.ok(text.length <= 2000, `${problem.code}: a short message, not the input`);
    assert.equal(findControlCharacter(text, true), -1, `${problem.code}: no raw control character`);
  }
}

/**
 * Fuzzes a text reader, seeded (test/fast-check-setup.ts): a fixture mutated line- and
 * character-wise, or made hostile (binary, invalid UTF-8/UTF-16, a line past the caps with or
 * without an end, deep nesting, an unclosed quote), read in pieces of any size. Holds: no
 * exception escapes, every problem has a known code and a location, and the read ends.
 */
export async function fuzzTextReader(
  fixture: string,
  read: FuzzedReader,
  runs: number,
): Promise<void> {
  const base = readFileSync(fixture, "utf8").replace(/^\ufeff/, "");
  await fc.assert(
    fc.asyncProperty(
      hostileArbitrary,
      textMutations,
      fc.constantFrom(1 << 20, 65_536, 4093, 7),
      async (hostile, mutations, pieceSize) => {
        const bytes = build(base, hostile, mutateText(base, mutations));
        // Tiny pieces only for small inputs, so a case stays well under a second.
        const source = bytesSource(
          "fuzzed",
          bytes,
          bytes.length > 200_000 ? Math.max(pieceSize, 4093) : pieceSize,
        );
        const seen: EvidenceProblem[] = [];
        const reader = read(source, (p) => seen.push(p));
        let summary: EvidenceReadSummary;
        for (;;) {
          const next = await reader.next();
          if (next.done) {
            summary = next.value;
            break;
          }
        }
        for (const problem of seen) assertProblemReported(problem);
        assert.equal(
          Object.values(summary.problemCounts).reduce((a, b) => a + (b ?? 0), 0),
          seen.length,
        );
      },
    ),
    { numRuns: fuzzRuns(runs) },
  );
}
