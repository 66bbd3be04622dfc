import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, formatDateTime } from "./format-date.ts";

test("a calendar date reads the same in every locale: day, month abbreviation, year", () => {
  assert.equal(formatDate("2026-12-06"), "6 Dec 2026");
  assert.equal(formatDate("2027-01-31"), "31 Jan 2027");
});

test("a timestamp is shown in local time, with a 24-hour clock when asked", () => {
  const local = new Date(2026, 11, 6, 9, 5);
  assert.equal(formatDate(local.toISOString()), "6 Dec 2026");
  assert.equal(formatDateTime(local.toISOString()), "6 Dec 2026, 09:05");
});

test("text that is not a date is shown as it is, never 'Invalid Date'", () => {
  assert.equal(formatDate("soon"), "soon");
  assert.equal(formatDateTime("soon"), "soon");
});
