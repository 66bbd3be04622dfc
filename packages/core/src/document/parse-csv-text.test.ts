import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCsvText } from "./parse-csv-text.ts";

test("parseCsvText", async (t) => {
  await t.test(
    "keeps the line and column of every field, through quotes, CRLF and comments",
    () => {
      const text =
        '# example prices\r\nsku,description\r\nA-1,"Müller, ""Łódź"" edition"\r\n\r\nB-2,"two\nlines"\n';
      const { records, problems } = parseCsvText(text);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        records.map((r) => r.fields.map((f) => [f.value, f.line, f.column])),
        [
          [
            ["sku", 2, 1],
            ["description", 2, 5],
          ],
          [
            ["A-1", 3, 1],
            ['Müller, "Łódź" edition', 3, 5],
          ],
          [
            ["B-2", 5, 1],
            ["two\nlines", 5, 5],
          ],
        ],
      );
    },
  );

  await t.test("reads semicolon-separated files from European spreadsheets", () => {
    const { records } = parseCsvText("sku;price\nX;100\n");
    assert.deepEqual(
      records[1]?.fields.map((f) => f.value),
      ["X", "100"],
    );
  });

  await t.test("locates an unclosed quote at its opening", () => {
    const { problems } = parseCsvText('sku,price\nX,"100\n');
    assert.deepEqual(problems[0] && [problems[0].line, problems[0].column, problems[0].found], [
      2,
      3,
      "the end of the file",
    ]);
  });

  await t.test("locates text after a closing quote", () => {
    const { problems } = parseCsvText('a,b\n"x"y,2\n');
    assert.deepEqual(problems[0] && [problems[0].line, problems[0].column, problems[0].found], [
      2,
      4,
      '"y"',
    ]);
  });
});
