import assert from "node:assert/strict";
import { test } from "node:test";
import type { InputProblem } from "@calwise/core";
import { formatProblems } from "./format-problems.ts";

const problem = (n: number, received = "x"): InputProblem => ({
  code: "SCHEMA",
  path: `users[${n}].name`,
  message: "expected a name",
  received,
  file: "d.yaml",
  line: n + 1,
  column: 3,
});

test("control characters in a value are escaped, never printed raw", () => {
  const text = formatProblems([problem(0, "a\u0000b\u001b[31mred\u202eevil")]);
  assert.equal(
    text,
    "d.yaml:1:3: users[0].name: expected a name (found a\\x00b\\x1b[31mred\\u202eevil)",
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none is left
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
});

test("a long value is cut to a short excerpt", () => {
  const text = formatProblems([problem(0, "y".repeat(100_000))]);
  assert.ok(text.length < 300, `printed ${text.length} characters`);
  assert.match(text, /found y{77}\.\.\.\)$/);
});

test("only the first problems are printed, with a count of the rest", () => {
  const problems = Array.from({ length: 25_000 }, (_, i) => problem(i));
  const lines = formatProblems(problems).split("\n");
  assert.equal(lines.length, 21);
  assert.equal(lines[20], "... and 24980 more problems");
  assert.equal(formatProblems(problems.slice(0, 21)).split("\n")[20], "... and 1 more problem");
});
