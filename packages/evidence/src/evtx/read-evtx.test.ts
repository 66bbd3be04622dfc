import assert from "node:assert/strict";
import { basename } from "node:path";
import { test } from "node:test";
import { drainEvtx } from "./testing/drain-evtx.ts";
import { evtxCorpusDirectory, listEvtxCorpus } from "./testing/evtx-corpus.ts";
import {
  evtxexportTimeToIso,
  runEvtxexport,
  runEvtxexportXml,
} from "./testing/evtxexport-oracle.ts";
import { libfvalueNegativeIntegerRenderings } from "./testing/libfvalue-negative-integer.ts";

// The oracle is Debian's evtxexport, an independent implementation of the format: every corpus
// file must come out record for record the same. The only accepted difference is evtxexport's
// rendering of negative integers (see libfvalue-negative-integer.ts), counted and reported.

const files = listEvtxCorpus();

test("the EVTX corpus is there to compare against", () => {
  assert.ok(
    files.length > 0,
    `no .evtx files in ${evtxCorpusDirectory}; it is ../shared/corpus/evtx from the repository root`,
  );
});

function levelNumber(text: string): number {
  return Number(/\((\d+)\)$/.exec(text)?.[1] ?? Number.NaN);
}

for (const file of files) {
  test(`${basename(file)}: same records, fields and strings as evtxexport`, async (t) => {
    const oracle = await runEvtxexport(file);
    if (!oracle.ok) assert.fail(oracle.reason);
    const { records, problems } = await drainEvtx(file);
    assert.deepEqual(problems, [], "a corpus file reads without problems");
    assert.equal(records.length, oracle.records.length, "record count");
    const mismatches: string[] = [];
    let normalised = 0;
    records.forEach((ours, index) => {
      const theirs = oracle.records[index];
      assert.ok(theirs !== undefined);
      const check = (field: string, our: unknown, their: unknown) => {
        if (our !== their) {
          mismatches.push(
            `record ${theirs.recordId} ${field}: ours ${JSON.stringify(our)}, evtxexport ${JSON.stringify(their)}`,
          );
        }
      };
      check("record id", ours.recordId, theirs.recordId);
      check("event id", ours.eventId, theirs.eventId);
      check("written time", ours.writtenTime, evtxexportTimeToIso(theirs.writtenTime));
      check("level", ours.level, levelNumber(theirs.level));
      check("computer", ours.computer, theirs.computer);
      // evtxexport's "Source name" is the classic EventSourceName when there is one.
      check("source", ours.eventSourceName ?? ours.provider, theirs.source);
      check("user SID", ours.userSid, theirs.userSid);
      check("number of strings", ours.strings.length, theirs.strings.length);
      ours.strings.forEach((value, k) => {
        const their = theirs.strings[k];
        if (value !== their && libfvalueNegativeIntegerRenderings(value).includes(their ?? ""))
          normalised++;
        else check(`string ${k + 1}`, value, their);
      });
    });
    t.diagnostic(
      `${records.length} records compared, ${normalised} negative integers evtxexport misprints`,
    );
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  });

  test(`${basename(file)}: same XML as evtxexport -f xml`, async (t) => {
    const oracle = await runEvtxexportXml(file);
    if (!oracle.ok) assert.fail(oracle.reason);
    const { records } = await drainEvtx(file, { includeXml: true });
    assert.equal(records.length, oracle.documents.length, "document count");
    const mismatches: string[] = [];
    let normalised = 0;
    let lineBreakValues = 0;
    records.forEach((record, index) => {
      // evtxexport writes an element whose text is only line breaks as empty; ours keeps the text.
      const ours = (record.xml ?? "")
        .replace(
          /<([\w:]+)((?:\s[^<>]*)?)>[\r\n]+<\/\1>/g,
          (_, name: string, attributes: string) => {
            lineBreakValues++;
            return `<${name}${attributes}/>`;
          },
        )
        .split("\n");
      const theirs = (oracle.documents[index] ?? "").split("\n");
      if (ours.length !== theirs.length) {
        mismatches.push(
          `record ${record.recordId}: ${ours.length} lines, evtxexport ${theirs.length}`,
        );
        return;
      }
      ours.forEach((line, k) => {
        const their = theirs[k] ?? "";
        if (line === their) return;
        const number = /^(\s*<[^>]+>)(-\d+)(<\/[^>]+>)$/.exec(line);
        const quirk =
          number !== null &&
          libfvalueNegativeIntegerRenderings(number[2] as string).some(
            (rendering) => `${number[1]}${rendering}${number[3]}` === their,
          );
        if (quirk) normalised++;
        else
          mismatches.push(
            `record ${record.recordId} line ${k + 1}: ours ${line.trim()} evtxexport ${their.trim()}`,
          );
      });
    });
    t.diagnostic(
      `${records.length} documents compared, ${normalised} negative integers evtxexport misprints, ` +
        `${lineBreakValues} line-break-only values it writes as empty elements`,
    );
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length} mismatches`);
  });
}
