import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scratchDirectory } from "../../../test/scratch-directory.ts";
import { openFileByteSource } from "./open-file-byte-source.ts";

test("a file's reader gives the bytes its stream gives, then 0, and a missing file's error at the first read", async () => {
  const folder = scratchDirectory("calwise-file-source-");
  const path = join(folder, "events.xml");
  const content = Buffer.from(Array.from({ length: 300_000 }, (_, k) => k % 251));
  writeFileSync(path, content);
  const source = openFileByteSource(path);
  const streamed: Buffer[] = [];
  for await (const piece of source.open()) streamed.push(Buffer.from(piece));
  const reader = source.openReader?.();
  assert.ok(reader !== undefined);
  const into = Buffer.alloc(content.length + 10);
  let at = 5;
  for (;;) {
    const read = await reader.read(into, at, Math.min(65_536, into.length - at));
    if (read === 0) break;
    at += read;
  }
  assert.deepEqual(into.subarray(5, at), Buffer.concat(streamed));
  assert.equal(await reader.read(into, 0, 10), 0);
  await reader.close();

  const missing = openFileByteSource(join(folder, "missing.xml")).openReader?.();
  await assert.rejects(missing?.read(into, 0, 10) ?? Promise.resolve(), { code: "ENOENT" });
  await missing?.close();
});
