import assert from "node:assert/strict";
import { test } from "node:test";
import { formatFiletime } from "./format-filetime.ts";

function filetime(value: bigint): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return bytes;
}

/** The same instant through Date, which is exact to the millisecond. */
function viaDate(value: bigint): string {
  const milliseconds = Number(value / 10_000n) - 11_644_473_600_000;
  const iso = new Date(milliseconds).toISOString();
  return `${iso.slice(0, 19)}.${String(value % 10_000_000n).padStart(7, "0")}Z`;
}

test("formats FILETIME with 100-ns precision", () => {
  assert.equal(formatFiletime(filetime(132399233764652234n), 0, 7), "2020-07-22T20:29:36.4652234Z");
  assert.equal(
    formatFiletime(filetime(132399233764652234n), 0, 9),
    "2020-07-22T20:29:36.465223400Z",
  );
});

test("formats the epoch and leap days", () => {
  assert.equal(formatFiletime(filetime(0n), 0, 7), "1601-01-01T00:00:00.0000000Z");
  const leapDay = (BigInt(Date.UTC(2024, 1, 29, 23, 59, 59)) + 11_644_473_600_000n) * 10_000n + 1n;
  assert.equal(formatFiletime(filetime(leapDay), 0, 7), "2024-02-29T23:59:59.0000001Z");
});

test("agrees with Date across four centuries, including beyond 2^53 ticks", () => {
  for (let value = 0n; value < 2n ** 63n; value += 2n ** 63n / 997n + 123_456_789n) {
    if (value > 2_650_467_743_999_999_999n) break; // past year 9999, where ISO needs a sign
    assert.equal(formatFiletime(filetime(value), 0, 7), viaDate(value), String(value));
  }
});
