import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { bytesSource } from "../source/byte-source.ts";
import { bundleWorker } from "../testing/bundle-worker.ts";
import { groupWinlogbeatLogons } from "./group-winlogbeat-logons.ts";

const directory = mkdtempSync(join(tmpdir(), "calwise-winlogbeat-workers-"));
after(() => rmSync(directory, { recursive: true, force: true }));
const script = bundleWorker(new URL("./winlogbeat-range-worker.ts", import.meta.url), directory);
const fixture = readFileSync(
  new URL("../../fixtures/events/logons.winlogbeat.ndjson", import.meta.url),
  "utf8",
);

/** The whole grouping (groups listed, problems in the order reported), on workers or not. */
async function grouping(
  text: string,
  pieceSize: number,
  workers?: { readonly rangeBytes: number; readonly script?: string },
  seen?: string,
) {
  const problems: EvidenceProblem[] = [];
  const dedupe = new EventDeduplicator();
  // An earlier source of the same audit, whose record ids the file may repeat.
  if (seen !== undefined)
    await groupWinlogbeatLogons(bytesSource("earlier.ndjson", seen), {
      dedupe,
      eventIds: new Set([4624, 4625]),
    });
  const read = await groupWinlogbeatLogons(bytesSource("w.ndjson", text, pieceSize), {
    dedupe,
    eventIds: new Set([4624, 4625]),
    splitAtMs: Date.UTC(2026, 10, 20, 8),
    onProblem: (problem) => problems.push(problem),
    ...(workers
      ? {
          readWorkers: {
            winlogbeatScript: workers.script ?? script,
            rangeBytes: workers.rangeBytes,
            minBytes: 0,
            count: 2,
          },
        }
      : {}),
  });
  return { ...read, groups: [...read.groups()], problems };
}

const users = ["alice", "bob", "ren\\u00e9", "René", " carol ", "dave\\t", "eve\u0085"];
const line = fc
  .record({
    user: fc.constantFrom(...users),
    device: fc.constantFrom("PC1", "PC2", "pc1", ""),
    server: fc.constantFrom("SRV1.corp.example", "srv2.corp.example"),
    eventId: fc.constantFrom("4624", "4625", "4634", "4624 "),
    type: fc.constantFrom("3", "10", "2", " 3", "x"),
    recordId: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant("")),
    minute: fc.integer({ min: 0, max: 119 }),
    time: fc.constantFrom("Z", "+01:00", ".1234567Z", "bad"),
  })
  .map(({ user, device, server, eventId, type, recordId, minute, time }) => {
    const clock = `${String(7 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00`;
    const stamp = time === "bad" ? "yesterday" : `2026-11-20T${clock}${time}`;
    return (
      `{"@timestamp":"${stamp}","winlog":{"channel":"Security","computer_name":"${server}",` +
      `"event_data":{"LogonType":"${type}","TargetDomainName":"CORP","TargetUserName":"${user}",` +
      `"WorkstationName":"${device}","IpAddress":"10.0.0.${minute % 7}"},` +
      `"event_id":"${eventId}","record_id":"${recordId}"}}`
    );
  });
const record = fc.oneof(
  { weight: 12, arbitrary: line },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", "{not json", '{"winlog":{}}', "[1,2]") },
);
const file = fc
  .record({
    records: fc.array(record, { minLength: 1, maxLength: 120 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ records, crlf, bom, finalNewline }) => {
    const text = records.join(crlf ? "\r\n" : "\n");
    return `${bom ? "\ufeff" : ""}${text}${finalNewline ? "\n" : ""}`;
  });

test("grouping on range workers gives the single-threaded groups, positions, problems and summary", async () => {
  await fc.assert(
    fc.asyncProperty(
      file,
      fc.integer({ min: 7, max: 3000 }),
      fc.integer({ min: 200, max: 6000 }),
      fc.option(file, { nil: undefined }),
      async (text, pieceSize, rangeBytes, seen) => {
        const alone = await grouping(text, pieceSize, undefined, seen);
        assert.deepEqual(await grouping(text, pieceSize, { rangeBytes }, seen), alone);
      },
    ),
    { numRuns: 40 },
  );
});

test("the fixture on range workers, the fixture repeated (record ids seen in an earlier range) and a worker that fails", async () => {
  for (const text of [fixture, fixture.repeat(30)]) {
    const alone = await grouping(text, 997);
    assert.ok(alone.groups.length > 0);
    assert.deepEqual(await grouping(text, 997, { rangeBytes: 3000 }), alone);
  }
  // A script that is no worker: every range is read on the calling thread, to the same result.
  const text = fixture.repeat(5);
  assert.deepEqual(
    await grouping(text, 997, { rangeBytes: 3000, script: join(directory, "missing.mjs") }),
    await grouping(text, 997),
  );
});
