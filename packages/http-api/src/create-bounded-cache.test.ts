import assert from "node:assert/strict";
import { test } from "node:test";
import { createBoundedCache } from "./create-bounded-cache.ts";

test("a bounded cache keeps the most recently used entries within its budget", () => {
  const cache = createBoundedCache<string>(10, (value) => value.length);
  cache.set("a", "aaaa");
  cache.set("b", "bbbb");
  assert.equal(cache.get("a"), "aaaa"); // a is now the most recently used
  cache.set("c", "cccc"); // 12 > 10: b, the least recently used, goes
  assert.equal(cache.get("b"), undefined);
  assert.equal(cache.get("a"), "aaaa");
  assert.equal(cache.get("c"), "cccc");
  cache.set("a", "a"); // replacing an entry re-weighs it: 1 + 4
  cache.set("d", "dddd"); // 9: all stay
  assert.deepEqual(
    ["a", "c", "d"].map((k) => cache.get(k)),
    ["a", "cccc", "dddd"],
  );
  cache.set("huge", "x".repeat(11)); // heavier than the whole budget: not kept, nothing evicted
  assert.equal(cache.get("huge"), undefined);
  assert.equal(cache.get("c"), "cccc");
});
