import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, verifyPassword } from "./hash-password.ts";

test("a scrypt hash keeps its parameters and salt and verifies only its own password", async () => {
  const a = await hashPassword("correct horse");
  const b = await hashPassword("correct horse");
  assert.match(a, /^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
  assert.notEqual(a, b, "a random salt per hash");
  assert.equal(await verifyPassword("correct horse", a), true);
  assert.equal(await verifyPassword("correct hors", a), false);
  assert.equal(await verifyPassword("correct horse", "plain"), false);
  assert.equal(await verifyPassword("x", "scrypt$0$8$1$AA$AA"), false);
});
