import assert from "node:assert/strict";
import { test } from "node:test";
import { describeName } from "./describe-name.ts";

test("a name is quoted whole when short, cut at 40 characters when long", () => {
  assert.equal(describeName("EventData"), "EventData");
  assert.equal(describeName("N".repeat(16000)), `${"N".repeat(40)}…`);
});

test("control characters and backslashes in a name are escaped", () => {
  assert.equal(describeName("Chan\0el\x1b[2J\\x"), "Chan\\x00el\\x1b[2J\\x5cx");
  assert.equal(describeName("\u0085é"), "\\x85é");
});
