import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { canonicalTimeMs } from "./canonical-time-ms.ts";
import { isIsoTimeBytes } from "./is-iso-time-bytes.ts";

const pad = (value: number, width: number) => String(value).padStart(width, "0");

test("a canonical time is the ISO text of its instant exactly when isIsoTimeBytes says so", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 86_399_999 }),
      fc.constantFrom(0, 1, 2, 3, 4, 7),
      (year, month, day, msOfDay, digits) => {
        const seconds = Math.floor(msOfDay / 1000);
        const fraction = pad(msOfDay % 1000, 3)
          .padEnd(7, "0")
          .slice(0, digits);
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}${digits > 0 ? `.${fraction}` : ""}Z`;
        const bytes = Buffer.from(`  ${text} `, "latin1");
        const ms = canonicalTimeMs(bytes, 2, 2 + text.length);
        fc.pre(!Number.isNaN(ms));
        assert.equal(
          isIsoTimeBytes(bytes, 2, 2 + text.length),
          new Date(ms).toISOString() === text,
          text,
        );
      },
    ),
    {
      numRuns: 3000,
      // Feb 29 of a century: a leap year only every 400 years.
      examples: [
        [1900, 2, 29, 0, 3],
        [2000, 2, 29, 0, 3],
        [2100, 2, 29, 1, 3],
        [2023, 4, 31, 0, 3],
      ],
    },
  );
});
