import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { formatJsonChunks } from "./format-json-chunks.ts";

test("the pieces join to JSON.stringify(value, null, 2), whatever the value", () => {
  const values = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    fc.dictionary(
      fc.string(),
      fc.array(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.string()))),
    ),
  );
  fc.assert(
    fc.property(values, (value) => {
      assert.equal([...formatJsonChunks(value)].join(""), JSON.stringify(value, null, 2));
    }),
  );
});

test("a list of a hundred thousand entries comes in many pieces, each small", () => {
  const result = {
    schemaVersion: 1,
    countedUsers: Array.from({ length: 100_000 }, (_, i) => ({
      id: `u${i}`,
      accesses: [{ a: i }],
    })),
  };
  const pieces = [...formatJsonChunks(result)];
  assert.ok(pieces.length > 100_000);
  assert.ok(pieces.every((piece) => piece.length < 200));
  assert.equal(pieces.join(""), JSON.stringify(result, null, 2));
});
