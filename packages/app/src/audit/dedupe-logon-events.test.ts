import assert from "node:assert/strict";
import { test } from "node:test";
import { createLogonDedupe } from "./dedupe-logon-events.ts";
import { createLogonTally } from "./record-logon-access.ts";
import { logonEvent } from "./testing/logon-event.ts";

test("dedupe: passes an event once per computer, channel, id and record, counting the rest", () => {
  const tally = createLogonTally();
  const isFirst = createLogonDedupe(tally);
  const verdicts = [
    logonEvent({ recordId: 1 }),
    logonEvent({ recordId: 1, time: "2026-11-21T08:00:00Z" }), // the same record exported twice
    logonEvent({ recordId: 2 }),
    logonEvent({ recordId: 1, computer: "FS2.example.corp" }), // another computer's record 1
  ].map(isFirst);
  assert.deepEqual(verdicts, [true, false, true, true]);
  assert.equal(tally.logonEvents, 4);
  assert.equal(tally.duplicates, 1);
});
