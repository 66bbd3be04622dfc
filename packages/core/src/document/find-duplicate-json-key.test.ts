import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { findDuplicateJsonKey } from "./find-duplicate-json-key.ts";

test("findDuplicateJsonKey finds the first repeated key of an object, in small and large objects", () => {
  assert.equal(findDuplicateJsonKey('{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}'), undefined);
  assert.deepEqual(findDuplicateJsonKey('{"a":1,"b":{"x":2,"x":3}}'), { key: "x", offset: 18 });
  // Keys of a closed inner object do not count against the outer one, nor strings that are values.
  assert.equal(findDuplicateJsonKey('{"o":{"k":1},"k":"k","v":["k"]}'), undefined);
  const many = Array.from({ length: 40 }, (_, k) => `"k${k}":${k}`).join(",");
  assert.equal(findDuplicateJsonKey(`{${many}}`), undefined);
  const text = `{${many},"k3":0}`;
  assert.deepEqual(findDuplicateJsonKey(text), { key: "k3", offset: text.lastIndexOf('"k3"') });
});

test("findDuplicateJsonKey agrees with a set per object on random nested documents", () => {
  // Objects are written from lists of [key, value] pairs, so a repeated key is known before writing.
  const key = fc.constantFrom("a", "b", "c", "d", "e");
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.integer(),
      fc.array(tie("node"), { maxLength: 3 }),
      fc.array(fc.tuple(key, tie("node")), { maxLength: 20 }),
    ),
  })).node;
  const write = (v: unknown): string =>
    Array.isArray(v) &&
    v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string")
      ? `{${v.map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(",")}}`
      : Array.isArray(v)
        ? `[${v.map(write).join(",")}]`
        : JSON.stringify(v);
  const hasDuplicate = (v: unknown): boolean =>
    Array.isArray(v) &&
    ((v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string") &&
      new Set(v.map((e) => e[0])).size !== v.length) ||
      v.some((e) => hasDuplicate(Array.isArray(e) && typeof e[0] === "string" ? e[1] : e)));
  fc.assert(
    fc.property(value, (v) => {
      assert.equal(findDuplicateJsonKey(write(v)) !== undefined, hasDuplicate(v));
    }),
    { numRuns: 500 },
  );
});
