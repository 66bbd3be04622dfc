import assert from "node:assert/strict";
import { test } from "node:test";
import { createIdGenerator } from "./create-id-generator.ts";

test("ids within one millisecond still increase, and carry the UUIDv7 version and variant", () => {
  const generate = createIdGenerator(() => 1_700_000_000_000);
  const ids = Array.from({ length: 5000 }, generate);
  assert.deepEqual([...ids].sort(), ids);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test("the id begins with the time in milliseconds", () => {
  const id = createIdGenerator(() => 0x0123456789ab)();
  assert.equal(id.slice(0, 13), "01234567-89ab");
});
