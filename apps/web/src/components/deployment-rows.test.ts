import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDocument } from "./deployment-rows.ts";

test("the deployment editor's own check says what to type, not zod's words", () => {
  const errors = checkDocument({
    name: "office",
    servers: [{ name: "DC1", product: "ws2012r2-standard", processors: -1 }],
  });
  assert.equal(errors["servers[0].processors"], "enter 1 or more");
});
