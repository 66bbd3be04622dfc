import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { documentLimits } from "./document-limits.ts";
import { parseDocumentText } from "./parse-document.ts";

function problemsOf(text: string) {
  const parsed = parseDocumentText(text);
  assert.ok("problems" in parsed, "expected the text to be refused");
  return parsed.problems;
}

test("a YAML alias bomb is a located problem, not an exception", () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  const [problem] = problemsOf(`${lines.join("\n")}\n`);
  assert.equal(problem?.code, "YAML_ALIAS_LIMIT");
  assert.equal(problem?.line, 2, "the first alias is on line 2");
  assert.match(problem?.expected ?? "", /at most 1000/);
});

test("a few aliases are read", () => {
  const parsed = parseDocumentText("a: &x { n: 1 }\nb: *x\n");
  assert.ok("document" in parsed);
  assert.deepEqual(parsed.document.data, { a: { n: 1 }, b: { n: 1 } });
});

test("a key given twice in one JSON object is refused like in YAML, with its line", () => {
  const [json] = problemsOf('{\n  "name": "a",\n  "servers": [],\n  "name": "b"\n}\n');
  assert.equal(json?.code, "DUPLICATE_KEY");
  assert.equal(json?.received, "name");
  assert.deepEqual([json?.line, json?.column], [4, 3]);
  const [yaml] = problemsOf("name: a\nservers: []\nname: b\n");
  assert.equal(yaml?.code, "DUPLICATE_KEY");
  assert.equal(yaml?.line, 3);
});

test("equal keys in different objects, in strings and in arrays are not duplicates", () => {
  const text =
    '{"a":{"k":1},"b":{"k":2},"c":["k","k"],"d":"\\"k\\": 1, \\"k\\": 2","k":[{"k":1},{"k":2}]}';
  const parsed = parseDocumentText(text);
  assert.ok("document" in parsed);
});

test("a binary file is 'not a text file', located at its first control character", () => {
  const [problem] = problemsOf("servers:\n  - name: a\u0000\u001b[31m\n");
  assert.equal(problem?.code, "NOT_TEXT");
  assert.equal(problem?.message, "not a text file");
  assert.equal(problem?.received, "control character U+0000");
  assert.deepEqual([problem?.line, problem?.column], [2, 12]);
});

test("YAML past its limit points to JSON; the same data as JSON is read", () => {
  const users = Math.ceil(documentLimits.maxYamlBytes / 16) + 10;
  const yaml = `users:\n${Array.from({ length: users }, (_, i) => `  - name: u${i}\n`).join("")}`;
  const [problem] = problemsOf(yaml);
  assert.equal(problem?.code, "DOCUMENT_TOO_LARGE");
  assert.match(problem?.message ?? "", /write it as JSON/);
  const json = JSON.stringify({
    users: Array.from({ length: users }, (_, i) => ({ name: `u${i}` })),
  });
  assert.ok("document" in parseDocumentText(json));
});

test("JSON with a control character is refused at its first one, as if it were searched first", () => {
  // JSON.parse reads the text before the search for binary content on this path: whatever it reads or
  // refuses, the answer is the first control character's NOT_TEXT, at the line and column counted here.
  const binary = [0, 1, 8, 11, 14, 27, 31, 127].map((c) => String.fromCharCode(c));
  const allowed = ["\t", "\n", "\r", "\f", " "];
  fc.assert(
    fc.property(
      fc.jsonValue(),
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...binary, ...allowed)), { maxLength: 4 }),
      (value, indented, inserts) => {
        let text = JSON.stringify({ value }, null, indented ? 2 : undefined);
        for (const [at, c] of inserts) {
          const k = at % (text.length + 1);
          text = `${text.slice(0, k)}${c}${text.slice(k)}`;
        }
        const firstBinary = text.split("").findIndex((c) => binary.includes(c));
        fc.pre(firstBinary !== -1);
        const parsed = parseDocumentText(text);
        assert.ok("problems" in parsed, "binary content is refused");
        const before = text.slice(0, firstBinary).split("\n");
        assert.deepEqual(parsed.problems, [
          {
            code: "NOT_TEXT",
            path: "",
            message: "not a text file",
            expected: "YAML or JSON text",
            received: `control character U+${text.charCodeAt(firstBinary).toString(16).toUpperCase().padStart(4, "0")}`,
            line: before.length,
            column: (before.at(-1) as string).length + 1,
          },
        ]);
      },
    ),
    { numRuns: 300 },
  );
});

test("DEL inside a JSON string is binary content; the same text without it is read", () => {
  const [problem] = problemsOf('{\n  "name": "a\u007fb"\n}\n');
  assert.equal(problem?.code, "NOT_TEXT");
  assert.equal(problem?.received, "control character U+007F");
  assert.deepEqual([problem?.line, problem?.column], [2, 13]);
  assert.ok("document" in parseDocumentText('{\n  "name": "ab"\n}\n'));
});
