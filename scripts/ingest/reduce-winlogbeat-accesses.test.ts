import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import { bundleWorker } from "../../packages/evidence/src/testing/bundle-worker.ts";
import { readAccessByParsing } from "./read-access-by-parsing.ts";
import { reduceWinlogbeatAccesses } from "./reduce-winlogbeat-accesses.ts";

const directory = mkdtempSync(join(tmpdir(), "calwise-ingest-test-"));
after(() => rmSync(directory, { recursive: true, force: true }));

// Worker threads cannot load TypeScript through tsx on Node 20: the test bundles the worker, as the
// benchmark does.
const workerScript = bundleWorker(
  new URL("./reduce-winlogbeat-worker.ts", import.meta.url),
  directory,
);

let fileCount = 0;
function writeLines(lines: readonly string[], finalNewline = true): string {
  const path = join(directory, `lines-${fileCount++}.ndjson`);
  writeFileSync(path, lines.join("\n") + (finalNewline ? "\n" : ""));
  return path;
}

/** The reference: JSON.parse of every line, the same access definition, a Set of joined strings. */
function referenceAccesses(lines: readonly string[]): Set<string> {
  const accesses = new Set<string>();
  for (const line of lines) {
    if (line.trim() === "") continue;
    let fields: ReturnType<typeof readAccessByParsing>;
    try {
      fields = readAccessByParsing(line);
    } catch {
      continue;
    }
    if (fields) {
      const user = fields.domain === "" ? fields.user : `${fields.domain}\\${fields.user}`;
      accesses.add(`${user}|${fields.device}|${fields.server}`);
    }
  }
  return accesses;
}

async function reducedAccesses(path: string, workers: number): Promise<Set<string>> {
  const reduced = await reduceWinlogbeatAccesses(path, { workers, workerScript });
  const accesses = new Set<string>();
  for (let at = 0; at < reduced.accesses.length; at += 3) {
    accesses.add(
      `${reduced.users[reduced.accesses[at] as number]}|${reduced.devices[reduced.accesses[at + 1] as number]}|${reduced.servers[reduced.accesses[at + 2] as number]}`,
    );
  }
  assert.equal(accesses.size, reduced.distinct, "each access is listed once");
  return accesses;
}

function logon(fields: {
  user?: unknown;
  domain?: unknown;
  device?: unknown;
  server?: unknown;
  eventId?: unknown;
}): string {
  return JSON.stringify({
    "@timestamp": "2026-10-01T08:00:00.000Z",
    winlog: {
      channel: "Security",
      computer_name: fields.server ?? "srv-1",
      event_data: {
        LogonType: "3",
        TargetDomainName: fields.domain ?? "CORP",
        TargetUserName: fields.user ?? "alice",
        WorkstationName: fields.device ?? "WS-1",
      },
      event_id: fields.eventId ?? "4624",
    },
  });
}

const trickyLines = [
  logon({}),
  logon({ user: "bob", device: "WS-2" }),
  ` \t${logon({ user: "bob", device: "WS-2" })}\r`, // surrounding blanks, a CR
  logon({ user: "ren\u00e9" }),
  logon({ user: "ren\u00e9" }).replace("ren\u00e9", "ren\\u00e9"), // the same name, escaped
  logon({ user: 'quote"d\\back' }),
  logon({ eventId: 4624, user: "numeric-id" }),
  logon({ eventId: "4634", user: "logoff" }),
  logon({ eventId: "\\u0034624", user: "escaped-id" }).replace('"\\\\u0034624"', '"\\u0034624"'),
  logon({ domain: 7, device: null, user: "odd-types" }),
  logon({ user: 12 }),
  logon({ server: ["srv-array"] }),
  // Decoys: the wanted keys at other paths.
  '{"winlog":{"event_id":"4624","computer_name":"srv-9","user_data":{"TargetUserName":"decoy"},"event_data":{"TargetUserName":"real"}}}',
  '{"event_data":{"TargetUserName":"root-decoy"},"winlog":{"event_id":"4624","computer_name":"srv-9","event_data":{"TargetUserName":"carol"}}}',
  '{"message":"\\"winlog\\":{\\"event_id\\":\\"4624\\"}","winlog":{"event_id":"4624","computer_name":"srv-8","event_data":{"TargetUserName":"dave"}}}',
  '{"winlog":{"computer_name":"srv-7","event_data":{"TargetUserName":"first"},"event_id":"4624","event_data":{"TargetUserName":"last"}}}',
  '{"winl\\u006fg":{"event_id":"4624","computer_name":"srv-6","event_data":{"TargetUserName":"escaped-key"}}}',
  '{"winlog":{"event_id":"4624","computer_name":"srv-5","event_data":{"TargetUserName":"erin","x":[1,-2.5e3,true,null,{"y":[]}]}}}',
  // Not JSON, or not an object: never an access.
  '{"winlog":{"event_id":"4624","computer_name":"srv-4","event_data":{"TargetUserName":"broken"}}',
  '{"winlog":{"event_id":"4624","computer_name":"srv-4","event_data":{"TargetUserName":"tail"}}} x',
  '{"winlog":{"event_id":"4624" "computer_name":"srv-4"}}',
  '{"winlog":{"event_id":"4624","computer_name":"srv-4","event_data":{"TargetUserName":"trailing",}}}',
  '{"winlog":{"event_id":"4624","computer_name":"srv-4","event_data":{"TargetUserName":"bad\\xescape"}}}',
  '{"winlog":{"event_id":"4624","computer_name":"srv-4","event_data":{"TargetUserName":"n","n":01}}}',
  '["not","an","object"]',
  '"just a string"',
  "42",
  "",
  "   ",
];

test("reduceWinlogbeatAccesses", async (t) => {
  await t.test(
    "reads tricky lines exactly as JSON.parse does, in one thread and in three",
    async () => {
      const path = writeLines(trickyLines);
      const expected = referenceAccesses(trickyLines);
      assert.ok(expected.has("CORP\\ren\u00e9|WS-1|srv-1"));
      assert.ok(expected.has("last||srv-7"));
      for (const workers of [1, 3])
        assert.deepEqual(await reducedAccesses(path, workers), expected);
      const reduced = await reduceWinlogbeatAccesses(path, { workers: 1 });
      assert.equal(reduced.counts.malformed, 6);
      assert.equal(reduced.counts.lines, trickyLines.length - 2);
    },
  );

  await t.test("reads a last line without a newline", async () => {
    const lines = [logon({ user: "a" }), logon({ user: "b" })];
    const path = writeLines(lines, false);
    assert.deepEqual(await reducedAccesses(path, 1), referenceAccesses(lines));
    assert.deepEqual(await reducedAccesses(path, 2), referenceAccesses(lines));
  });

  await t.test("counts only, without names, gives the same number", async () => {
    const path = writeLines(trickyLines);
    const reduced = await reduceWinlogbeatAccesses(path, {
      workers: 2,
      names: false,
      workerScript,
    });
    assert.equal(reduced.distinct, referenceAccesses(trickyLines).size);
    assert.equal(reduced.users.length, 0);
  });

  await t.test(
    "matches JSON.parse on random Winlogbeat-like lines, whatever the thread count",
    async () => {
      const text = fc.oneof(
        fc.constantFrom("alice", "bob", "ren\u00e9", "CORP", "", "a\\b", 'q"t', "\u00e9\u4e2d"),
        fc.string({ maxLength: 6 }),
      );
      const record = fc.record({
        user: fc.oneof(text, fc.constant(undefined), fc.integer()),
        domain: fc.oneof(text, fc.constant(undefined)),
        device: text,
        server: fc.oneof(fc.constantFrom("srv-1", "srv-2"), text),
        eventId: fc.constantFrom("4624", "4624", "4634", 4624, "4672"),
        escapeUser: fc.boolean(),
        extra: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 2,
        }),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(record, { minLength: 1, maxLength: 40 }),
          fc.integer({ min: 1, max: 3 }),
          async (records, workers) => {
            const lines = records.map((r) => {
              let line = JSON.stringify({
                ...r.extra,
                winlog: {
                  event_id: r.eventId,
                  event_data: {
                    ...(r.user === undefined ? {} : { TargetUserName: r.user }),
                    ...(r.domain === undefined ? {} : { TargetDomainName: r.domain }),
                    WorkstationName: r.device,
                  },
                  computer_name: r.server,
                },
              });
              // The same name spelt with \u escapes for its non-ASCII characters.
              if (r.escapeUser) {
                line = line.replace(
                  /[\u0080-\uffff]/g,
                  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
                );
              }
              return line;
            });
            const path = writeLines(lines);
            assert.deepEqual(await reducedAccesses(path, workers), referenceAccesses(lines));
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
