import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { wordSchemaMessage } from "./word-schema-message.ts";

/** zod's own message for a value, so the test follows the library's wording rather than a copy of it. */
const zodSays = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues[0]?.message ?? "(no issue)";

test("in a report on a file, zod's number messages say what the value must be", () => {
  const count = z.number().int().min(0).max(5000);
  const file = (schema: z.ZodType, value: unknown) =>
    wordSchemaMessage(zodSays(schema, value), "file");
  assert.equal(file(count, -3), "must be 0 or more");
  assert.equal(file(count, 3.5), "must be a whole number");
  assert.equal(file(count, 6000), "must be 5000 or less");
  assert.equal(file(count, Number.NaN), "must be a number");
  assert.equal(file(z.number().int().min(1), 0), "must be 1 or more");
  assert.equal(file(z.number().gt(0), 0), "must be more than 0");
  assert.equal(file(z.number().lt(10), 10), "must be less than 10");
  assert.equal(file(z.string().min(1), ""), "cannot be empty");
});

test("beside a form field, the same rules say what to enter", () => {
  const count = z.number().int().min(0);
  assert.equal(
    wordSchemaMessage(zodSays(count, -3), "form"),
    "cannot be negative: enter 0 or more",
  );
  assert.equal(wordSchemaMessage(zodSays(count, 0.5), "form"), "enter a whole number");
  assert.equal(wordSchemaMessage(zodSays(z.number().max(9), 10), "form"), "enter 9 or less");
});

test("a message a schema wrote itself is kept word for word, in either voice", () => {
  for (const own of ["more shared devices than devices", "Too small for a rack"]) {
    assert.equal(wordSchemaMessage(own, "file"), own);
    assert.equal(wordSchemaMessage(own, "form"), own);
  }
});
