import assert from "node:assert/strict";
import { test } from "node:test";
import { IntColumn } from "./int-column.ts";

test("IntColumn keeps every value pushed, in order, past its first capacity", () => {
  const column = new IntColumn(1);
  const expected = Array.from({ length: 100 }, (_, k) => (k % 3 === 0 ? -1 : k * 7));
  for (const v of expected) column.push(v);
  assert.deepEqual([...column.toArray()], expected);
  assert.equal(new IntColumn(4).toArray().length, 0);
});
