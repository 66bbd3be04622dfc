import assert from "node:assert/strict";
import { test } from "node:test";
import { formatCount, formatCountOf } from "./format-count.ts";
import { formatFindingCounts, formatStatedCounts } from "./format-finding-counts.ts";

test("counts are grouped by thousands in every locale: 50,000 and 1,500,000; small ones unchanged", () => {
  assert.equal(formatCount(50_000), "50,000");
  assert.equal(formatCount(1_500_000), "1,500,000");
  assert.equal(formatCount(999), "999");
  assert.equal(formatCountOf(1, "CAL"), "1 CAL");
  assert.equal(formatCountOf(2_500, "CAL"), "2,500 CALs");
});

test("a shortfall's counts read 50,000 from its expected and received; its version stays 2025", () => {
  const finding = { expected: 85_225, received: 50_000 };
  assert.equal(
    formatFindingCounts(
      "You own 50000 of the 85225 Windows Server user CALs (version 2025 or later) this deployment needs: buy 35225",
      finding,
    ),
    "You own 50,000 of the 85,225 Windows Server user CALs (version 2025 or later) this deployment needs: buy 35,225",
  );
  assert.equal(
    formatFindingCounts("buy 35225 Windows Server user CALs of version 2025 or later", finding),
    "buy 35,225 Windows Server user CALs of version 2025 or later",
  );
});

test("a count equal to a version or a product's year is formatted only where it is a count", () => {
  const finding = { expected: 2025, received: 0 };
  assert.equal(
    formatFindingCounts(
      "You own none of the 2025 Windows Server 2025 user CALs (version 2025 or later) this deployment needs: buy 2025",
      finding,
    ),
    "You own none of the 2,025 Windows Server 2025 user CALs (version 2025 or later) this deployment needs: buy 2,025",
  );
});

test("an edition cap's counts come from its words: at most 25 users; SRV1 has 12000", () => {
  assert.equal(
    formatFindingCounts("Windows Server 2022 Essentials serves at most 25 users; SRV1 has 12000", {
      expected: "at most 25 users",
      received: 12_000,
    }),
    "Windows Server 2022 Essentials serves at most 25 users; SRV1 has 12,000",
  );
});

test("numbers the finding does not state are left alone (a server named 10000, a decimal)", () => {
  const finding = { expected: 7, received: 0 };
  assert.equal(
    formatFindingCounts("host 10000 and 12.5000 stay", finding),
    "host 10000 and 12.5000 stay",
  );
});

test("the point of sale's sentence reads its counts for people: each of your 50,000 staff …: 2,000 × 25-pack", () => {
  assert.equal(
    formatStatedCounts(
      "Each of your 50000 staff needs a Windows Server 2025 user CAL to connect: 2000 × 25-pack.",
      [50_000, 2_000, 25],
    ),
    "Each of your 50,000 staff needs a Windows Server 2025 user CAL to connect: 2,000 × 25-pack.",
  );
});
