import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { fieldMessage } from "./field-message.ts";

/** zod's own message for a value, so the test follows the library's wording rather than a copy of it. */
const zodSays = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message ?? "(no issue)";

test("zod's number messages read as what to enter: a negative count, a fraction, too many", () => {
  const count = z.number().int().min(0).max(5000);
  assert.equal(fieldMessage(zodSays(count, -3)), "cannot be negative: enter 0 or more");
  assert.equal(fieldMessage(zodSays(count, 3.5)), "enter a whole number");
  assert.equal(fieldMessage(zodSays(count, 6000)), "enter 5000 or less");
  assert.equal(fieldMessage(zodSays(count, Number.NaN)), "enter a number");
  assert.equal(fieldMessage(zodSays(z.number().int().min(1), 0)), "enter 1 or more");
  assert.equal(fieldMessage(zodSays(z.number().gt(0), 0)), "enter more than 0");
  assert.equal(fieldMessage(zodSays(z.string().min(1), "")), "cannot be empty");
});

test("a message a schema wrote itself is kept word for word", () => {
  for (const own of [
    "more shared devices than devices (expected at most 30)",
    "Too small for a rack",
  ])
    assert.equal(fieldMessage(own), own);
});
