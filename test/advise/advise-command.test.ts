import assert from "node:assert/strict";
import { test } from "node:test";
import type { EditionAdvice } from "@calwise/core";
import { runCli } from "../cli/run-cli.ts";

const prices = ["--price-list", "examples/prices-reseller-2026h2.csv", "--date", "2026-11-28"];

test("calwise advise", async (t) => {
  await t.test(
    "ranks the editions for the issue's customer, names what rules the others out, and traces growth",
    () => {
      const r = runCli([
        "advise",
        "--users",
        "32",
        "--devices",
        "40",
        "--shared-devices",
        "6",
        "--needs",
        "sql,remote-desktop",
        "--growth",
        "5",
        ...prices,
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /prices: Example Reseller GmbH price list \(hypothetical, not Microsoft prices\) 2026-H2 \(EUR\)/,
      );
      assert.match(
        r.stdout,
        /1\. Windows Small Business Server 2011 Standard, with Windows Small Business Server 2011 Premium Add-on on a second server: €9,339\.00/,
      );
      assert.match(
        r.stdout,
        /Windows Server 2012 Essentials: EDITION_LACKS_REMOTE_DESKTOP: .* \[R1, R21, R25\]/,
      );
      assert.match(r.stdout, /Growth from 32 to 37 users/);
      assert.equal(r.stderr, "");
    },
  );

  await t.test("prints JSON, ranked by total", () => {
    const r = runCli(["advise", "--users", "26", ...prices, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const advice = JSON.parse(r.stdout) as EditionAdvice;
    assert.equal(advice.rankedBy, "total");
    assert.equal(advice.priceList?.version, "2026-H2");
    assert.ok(
      advice.ruledOut.some(
        (o) => o.product === "ws2012-essentials" && o.reasons[0]?.rule === "edition-limit",
      ),
    );
  });

  await t.test("ranks by CALs to buy without a price list", () => {
    const r = runCli(["advise", "--users", "10"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /no price list: ranked by CALs to buy/);
    assert.match(r.stdout, /1\. Windows Server 2012 Foundation: 0 CALs to buy/);
  });

  await t.test("rejects an impossible profile with the option names, exit 2", () => {
    const r = runCli([
      "advise",
      "--users",
      "10",
      "--devices",
      "4",
      "--shared-devices",
      "5",
      "--needs",
      "sql,email",
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--needs\[1\]: /);
    const s = runCli(["advise", "--users", "10", "--devices", "5"]);
    assert.equal(s.code, 2);
    assert.match(
      s.stderr,
      /--shared-devices: 5 users have no personal device, so they need shared devices/,
    );
  });

  await t.test("names a count that is not a whole number of 0 or more, with what was typed", () => {
    const r = runCli(["advise", "--users", "-5", "--devices", "3.5", "--growth", "ten"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--users: not a count \(expected a whole number, 0 or more, found -5\)/);
    assert.match(
      r.stderr,
      /--devices: not a count \(expected a whole number, 0 or more, found 3\.5\)/,
    );
    assert.match(
      r.stderr,
      /--growth: not a count \(expected a whole number, 0 or more, found ten\)/,
    );
    assert.doesNotMatch(r.stderr, /received string/);
  });

  await t.test("says when no price list is valid on the date", () => {
    const r = runCli([
      "advise",
      "--users",
      "10",
      "--price-list",
      "examples/prices-reseller-2026h2.csv",
      "--date",
      "2025-01-01",
    ]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--price-list: no price list in EUR is valid on 2025-01-01/);
  });
});
