import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvParser, type CsvParseStep } from "./csv-parser.ts";

/** Feeds `text` in pieces of `size` characters and returns every step. */
function parseInPieces(text: string, size: number, comments = false): CsvParseStep[] {
  const parser = new CsvParser({ comments });
  const steps: CsvParseStep[] = [];
  for (let at = 0; at < text.length; at += size)
    steps.push(...parser.push(text.slice(at, at + size)));
  return [...steps, ...parser.end()];
}

const sample =
  '# a comment\r\n"Id","Message"\r\n"4624","An account logged on.\r\n\r\nNew Logon:\r\n\tAccount Name:\tann"\r\n\r\n4625,"say ""no""",\r\n"bad"x,2\r\nlast,row';

test("a piece at a time or whole, the parser gives the same records, lines and columns", () => {
  const whole = parseInPieces(sample, sample.length, true);
  for (const size of [1, 2, 3, 7, 64]) assert.deepEqual(parseInPieces(sample, size, true), whole);
  assert.deepEqual(
    whole.map((s) =>
      s.kind === "record"
        ? `${s.record.line}: ${s.record.fields.map((f) => `${f.column}=${JSON.stringify(f.value)}`).join(" ")}`
        : `problem ${s.problem.line}:${s.problem.column} in ${s.problem.recordLine}: ${s.problem.message}`,
    ),
    [
      '2: 1="Id" 6="Message"',
      '3: 1="4624" 8="An account logged on.\\n\\nNew Logon:\\n\\tAccount Name:\\tann"',
      '8: 1="4625" 6="say \\"no\\"" 19=""',
      "problem 9:6 in 9: text after a closing quote",
      '9: 1="bad" 8="2"',
      '10: 1="last" 6="row"',
    ],
  );
});

test("without comments a # line is a record; an unclosed quote ends the input with a problem", () => {
  const steps = parseInPieces('#TYPE x\r\na,"open\r\nmore', 4);
  assert.deepEqual(
    steps.map((s) => (s.kind === "record" ? s.record.fields.map((f) => f.value) : s.problem)),
    [
      ["#TYPE x"],
      {
        message: "a quoted field is never closed",
        line: 2,
        column: 3,
        expected: 'a closing "',
        found: "the end of the file",
        recordLine: 2,
      },
    ],
  );
});
