import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Quote } from "@calwise/core";
import { root, runCli } from "../cli/run-cli.ts";
import { scratchDirectory } from "../scratch-directory.ts";

const dir = scratchDirectory("calwise-quote-");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const prices = join(root, "examples/prices-reseller-2026h2.csv");
const quoteFile = (deployment: string, extra = "") =>
  write(
    `quote-${Math.random().toString(36).slice(2)}.yaml`,
    `date: 2026-11-28\ncurrency: EUR\ncustomer: { name: "Müller Sp. z o.o.", address: ["90-926 Łódź"] }\n${extra}deployment:\n${deployment}`,
  );

test("calwise quote", async (t) => {
  await t.test("prints the example quote as Markdown for an e-mail", () => {
    const r = runCli(["quote", "examples/quote-muller-lodz.yaml"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Quotation Q-2026-0117/);
    assert.match(
      r.stdout,
      /\*\*To:\*\* Müller Sp\. z o\.o\., Jürgen Müller, ul\. Piotrkowska 104, 90-926 Łódź/,
    );
    assert.match(
      r.stdout,
      /\| 7 \| Windows Server CAL 2012, device, 5-pack<br><small>5 device CALs for 5 devices that need version 2012 or later<\/small> \| WS12-CAL-D-5 \| 1 \| €185\.00 \| €185\.00 \|/,
    );
    assert.match(
      r.stdout,
      /_Windows Server CAL 2008: included with the Windows Server 2008 R2 Standard licence of FS-OLD_.* \| 5 \| {2}\| included \|/,
    );
    assert.match(
      r.stdout,
      /Partner discount on CALs \(7\.5% of €3,048\.00 of CAL lines, rounded half-even\) \| {2}\| {2}\| {2}\| -€228\.60/,
    );
    assert.match(r.stdout, /\*\*Total \(EUR\)\*\* \| {2}\| {2}\| {2}\| \*\*€7,629\.40\*\*/);
    assert.match(
      r.stdout,
      /## CALs not quoted, and why\n\n- The customer already owns 10 Windows Server CALs 2012/,
    );
  });

  await t.test("prints JSON that records the price list and adds up", () => {
    const r = runCli(["quote", "examples/quote-muller-lodz.yaml", "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const q = JSON.parse(r.stdout) as Quote;
    assert.equal(q.priceList.version, "2026-H2");
    assert.match(q.priceList.name, /hypothetical, not Microsoft prices/);
    assert.equal(q.currency, "EUR");
    assert.equal(q.validUntil, "2026-12-28");
    assert.equal(
      q.total,
      q.lines.reduce((s, l) => s + l.net, 0),
    );
    assert.equal(q.total, 762_940);
  });

  await t.test("takes the list valid on the quote's date: 2027 prices from the YAML list", () => {
    const text = `date: 2027-02-01\ncurrency: EUR\ncustomer: { name: X }\ndeployment: { servers: [{ name: S1, product: ws2012-standard }], accesses: [{ user: U1, device: PC1, server: S1 }] }\n`;
    const later = write("q2027.yaml", text);
    const r = runCli([
      "quote",
      later,
      "--price-list",
      prices,
      "--price-list",
      join(root, "examples/prices-reseller-2027h1.yaml"),
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Quote).priceList.version, "2027-H1");
  });

  await t.test(
    "refuses a server without CALs and without a recorded reason: exit 2, naming the server and the rule",
    () => {
      const path = quoteFile("  servers:\n    - { name: DC1, product: ws2012r2-standard }\n");
      const r = runCli(["quote", path, "--price-list", prices]);
      assert.equal(r.code, 2, r.stdout);
      assert.match(
        r.stderr,
        /^calwise: refused to quote .*: 1 server requires CALs, but the quote has none for it and records no reason \(rule cal-per-user-or-device\)\n/,
      );
      assert.match(
        r.stderr,
        new RegExp(
          `${path.replaceAll(".", "\\.")}:6:7: deployment\\.servers\\[0\\]: cannot quote server DC1`,
        ),
      );
      assert.equal(r.stdout, "");
      assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, "no stack trace");
    },
  );

  await t.test("locates problems in a deployment file the quote names", () => {
    const deployment = write(
      "dep.yaml",
      'servers:\n  - { name: DC1, product: ws2012r2-standard }\n  - { name: F1, product: ws2012-foundation }\naccesses:\n  - { user: "U{1..16}", device: "PC{1..16}", server: F1 }\n',
    );
    const path = write(
      "q-file.yaml",
      `date: 2026-11-28\ncurrency: EUR\ncustomer: { name: X }\ndeployment: dep.yaml\n`,
    );
    const r = runCli(["quote", path, "--price-list", prices]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      new RegExp(
        `${deployment.replaceAll(".", "\\.")}:3:5: servers\\[1\\]: Windows Server 2012 Foundation serves at most 15 users; F1 has 16\\. Editions that can serve it: Windows Server 2012 Standard, Windows Server 2012 Datacenter, Windows Server 2012 Essentials, `,
      ),
    );
    assert.match(
      r.stderr,
      new RegExp(
        `${deployment.replaceAll(".", "\\.")}:2:5: servers\\[0\\]: cannot quote server DC1`,
      ),
    );
  });

  await t.test("names the cell of a price written as a decimal in a CSV price list", () => {
    const bad = write(
      "bad.csv",
      "sku,product,packSize,price,currency\nWS12-STD,ws2012-standard,1,790.00,EUR\nX,ws2012-standrad,1,100,EUR\n",
    );
    const path = quoteFile("  servers: [{ name: S1, product: ws2012-standard }]\n");
    const r = runCli(["quote", path, "--price-list", bad]);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      new RegExp(
        `${bad.replaceAll(".", "\\.")}:2:28: a price must be integer minor units \\(expected integer minor units \\(cents\\): 79000 for 790\\.00, found "790\\.00"\\)`,
      ),
    );
    assert.match(
      r.stderr,
      /bad\.csv:3:3: unknown product 'ws2012-standrad' \(expected one of ws2012-standard/,
    );
  });

  await t.test("says when no price list is valid on the quote's date", () => {
    const text = `date: 2025-01-01\ncurrency: EUR\ncustomer: { name: X }\ndeployment: { servers: [{ name: S1, product: ws2012-standard }] }\n`;
    const early = write("early.yaml", text);
    const r = runCli(["quote", early, "--price-list", prices]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /priceLists: no price list in EUR is valid on 2025-01-01/);
  });
});
