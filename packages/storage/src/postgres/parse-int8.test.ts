import assert from "node:assert/strict";
import { test } from "node:test";
import { parseInt8 } from "./parse-int8.ts";

test("int8 text becomes a number while it is a safe integer, and is refused beyond", () => {
  assert.equal(parseInt8("9007199254740991"), Number.MAX_SAFE_INTEGER);
  assert.equal(parseInt8("-42"), -42);
  assert.throws(() => parseInt8("9007199254740993"), /beyond the safe integer range/);
});
