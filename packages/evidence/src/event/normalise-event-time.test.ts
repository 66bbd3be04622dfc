import assert from "node:assert/strict";
import { test } from "node:test";
import { normaliseEventTime } from "./normalise-event-time.ts";

test("normalises event times to ISO UTC with at most 7 fraction digits", () => {
  assert.equal(
    normaliseEventTime("2019-03-19T23:34:25.465223400Z"),
    "2019-03-19T23:34:25.4652234Z",
  );
  assert.equal(normaliseEventTime("2019-03-19T23:34:25.465Z"), "2019-03-19T23:34:25.465Z");
  assert.equal(normaliseEventTime("2019-03-20T01:34:25.5+02:00"), "2019-03-19T23:34:25.5Z");
  assert.equal(normaliseEventTime("3/19/2019 11:34:25 PM"), "2019-03-19T23:34:25Z");
  assert.equal(normaliseEventTime("3/19/2019 12:04:05 AM"), "2019-03-19T00:04:05Z");
  assert.equal(normaliseEventTime("2019-03-19 23:34:25"), "2019-03-19T23:34:25Z");
  // The Azure portal's CSV export of a Log Analytics query, in UTC.
  assert.equal(normaliseEventTime("3/19/2019, 11:34:25.465 PM"), "2019-03-19T23:34:25.465Z");
  assert.equal(normaliseEventTime("3/4/2026, 9:05:01.250 AM"), "2026-03-04T09:05:01.250Z");
  // Splunk's _time as the export API writes it.
  assert.equal(normaliseEventTime("2026-03-04T10:05:01.000+01:00"), "2026-03-04T09:05:01.000Z");
  for (const bad of [
    "",
    "yesterday",
    "13/40/2019 1:00:00 PM",
    "2019-02-30T25:00:00Z",
    "3/19/2019 13:00:00 PM",
    "2026-03-04 10:05:01.000 CET",
  ])
    assert.equal(normaliseEventTime(bad), undefined, bad);
});
