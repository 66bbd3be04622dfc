import assert from "node:assert/strict";
import { test } from "node:test";
import { evtxexportTimeToIso, parseEvtxexportText } from "./evtxexport-oracle.ts";

test("parses records whose strings span lines or end in blank lines", () => {
  const output = [
    "evtxexport 20181227",
    "",
    "Event number\t\t\t: 7",
    "Written time\t\t\t: Jul 22, 2020 20:29:36.414827100 UTC",
    "Event level\t\t\t: Information (4)",
    "User security identifier\t: S-1-5-18",
    "Computer name\t\t\t: host",
    "Source name\t\t\t: Service Control Manager",
    "Event identifier\t\t: 0x00001b58 (7000)",
    "Number of strings\t\t: 3",
    "String: 1\t\t\t: first line",
    "second line",
    "String: 2\t\t\t: ",
    "",
    "String: 3\t\t\t: last",
    "",
    "",
    "Event number\t\t\t: 8",
    "Written time\t\t\t: Jul 22, 2020 20:29:37.000000000 UTC",
    "Event level\t\t\t: Information (0)",
    "Computer name\t\t\t: host",
    "Source name\t\t\t: x",
    "Event identifier\t\t: 0x00000001 (1)",
    "Number of strings\t\t: 0",
    "",
  ].join("\n");
  const [first, second] = parseEvtxexportText(output);
  assert.deepEqual(first, {
    recordId: 7,
    writtenTime: "Jul 22, 2020 20:29:36.414827100 UTC",
    level: "Information (4)",
    userSid: "S-1-5-18",
    computer: "host",
    source: "Service Control Manager",
    eventId: 7000,
    strings: ["first line\nsecond line", "\n", "last\n"],
  });
  assert.deepEqual(second?.strings, []);
  assert.equal(second?.userSid, undefined);
});

test("converts evtxexport's written time to ISO 8601 with 7 fraction digits", () => {
  assert.equal(
    evtxexportTimeToIso("Jul 22, 2020 20:29:36.414827100 UTC"),
    "2020-07-22T20:29:36.4148271Z",
  );
});
