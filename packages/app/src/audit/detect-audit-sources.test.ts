import assert from "node:assert/strict";
import { test } from "node:test";
import type { CalwiseError } from "@calwise/core";
import { bytesSource } from "@calwise/evidence";
import { detectAuditSources } from "./detect-audit-sources.ts";

test("detect: tells each source's format from its bytes, not its name", async () => {
  const detected = await detectAuditSources([
    bytesSource("a.txt", '{"winlog":{}}\n'),
    bytesSource("b.log", '"SamAccountName","Enabled"\r\n"ann","True"\r\n'),
    bytesSource("c.bin", new Uint8Array([...Buffer.from("ElfFile\0"), 0, 0])),
  ]);
  assert.deepEqual(
    detected.map((d) => `${d.source.name} ${d.format}`),
    ["a.txt winlogbeat-jsonl", "b.log ad-user-csv", "c.bin evtx"],
  );
});

test("detect: refuses every source it cannot read or recognise at once, saying why", async () => {
  const unreadable = {
    name: "gone.evtx",
    // biome-ignore lint/correctness/useYield: opening fails before any byte
    async *open(): AsyncGenerator<Uint8Array> {
      throw Object.assign(new Error("EACCES"), { code: "EACCES" });
    },
  };
  await assert.rejects(
    detectAuditSources([
      bytesSource("ok.ndjson", '{"winlog":{}}\n'),
      unreadable,
      bytesSource("notes.txt", "hello\n"),
    ]),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_UNREADABLE");
      assert.equal(error.message, "2 evidence files could not be read");
      assert.deepEqual(
        error.problems.map((p) => `${p.code} ${p.file}: ${p.message.split(":")[0]}`),
        ["FILE gone.evtx: cannot read the file", "FORMAT notes.txt: not a known evidence format"],
      );
      assert.match(error.problems[0]?.message ?? "", /permission denied/);
      return true;
    },
  );
});
