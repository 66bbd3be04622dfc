import assert from "node:assert/strict";
import { test } from "node:test";
import { formatLocalDate } from "./local-date.ts";

test("today is the browser's calendar date: 09:00 on the 8th in Sydney is the 8th, though UTC is still the 7th", () => {
  const zone = process.env.TZ;
  const moment = new Date("2026-12-07T22:00:00Z");
  try {
    // Node reads TZ again when it is set, as a browser uses its own zone.
    process.env.TZ = "Australia/Sydney";
    assert.equal(formatLocalDate(moment), "2026-12-08");
    process.env.TZ = "Pacific/Honolulu";
    assert.equal(formatLocalDate(moment), "2026-12-07");
    process.env.TZ = "UTC";
    assert.equal(formatLocalDate(new Date("2027-01-01T00:00:00Z")), "2027-01-01");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});
