import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { evaluationResultSchema } from "@calwise/core";
import { scratchDirectory } from "../scratch-directory.ts";
import { root, runCli } from "./run-cli.ts";

const dir = scratchDirectory("calwise-cli-");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test("calwise evaluate", async (t) => {
  await t.test("prints a readable report of the example and exits 1 when not compliant", () => {
    const r = runCli(["evaluate", "examples/contoso.yaml"]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Result: NOT COMPLIANT/);
    assert.match(r.stdout, /External Connector on PORTAL: yes \(60 external users/);
    assert.match(r.stdout, /certificate: max flow (\d+) = cut \1 .* verified/);
    assert.match(r.stdout, /Total: 2,580\.00 USD/);
    assert.equal(r.stderr, "");
  });

  await t.test("prints JSON that matches the documented result schema", () => {
    const r = runCli(["evaluate", "examples/sbs-75-users.yaml", "--json"]);
    assert.equal(r.code, 1);
    const result = evaluationResultSchema.parse(JSON.parse(r.stdout));
    assert.equal(result.schemaVersion, 1);
    const sbs = result.families.find((f) => f.family === "sbs-2011-standard-cal");
    assert.equal(sbs?.holders.length, 64, "60 office users + 4 shared terminals");
    assert.equal(sbs?.optimisation.exactness, "optimal");
  });

  await t.test("exits 0 on a compliant deployment", () => {
    const path = write(
      "ok.yaml",
      "servers: [{ name: S1, product: ws2012-essentials, processors: 2 }]\naccesses:\n  - { user: A, device: PC1, server: S1 }\n",
    );
    const r = runCli(["evaluate", path]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Result: COMPLIANT/);
  });

  await t.test(
    "names file, line, column, path, expectation and finding for an unknown product, exit 2",
    () => {
      const path = write(
        "bad-product.yaml",
        "servers:\n  - name: S1\n    product: ws2012-standrad\n",
      );
      const r = runCli(["evaluate", path]);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        new RegExp(
          `${path}:3:14: servers\\[0\\]\\.product: unknown product 'ws2012-standrad': did you mean ws2012-standard \\(Windows Server 2012 Standard\\).* \\(expected a product id from \`calwise catalog\`, such as ws2012-standard`,
        ),
      );
      assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, "no stack trace");
    },
  );

  await t.test("reports a typo'd user in an access and a decimal price, each located", () => {
    const prices = write(
      "p.yaml",
      "currency: EUR\nitems:\n  - { sku: X, family: ws-cal, version: '2012', type: user, price: 39.99 }\n",
    );
    const path = write(
      "typo.yaml",
      `prices: ${prices}\nservers: [{ name: S1, product: ws2012-standard }]\nusers: [alice]\naccesses:\n  - { user: alcie, device: PC1, server: S1 }\n`,
    );
    const r1 = runCli(["evaluate", path]);
    assert.equal(r1.code, 2);
    assert.match(
      r1.stderr,
      /p\.yaml:3:\d+: items\[0\]\.price: .*integer minor units.*found 39\.99/,
    );
    writeFileSync(prices, "currency: EUR\nitems: []\n");
    const r2 = runCli(["evaluate", path]);
    assert.equal(r2.code, 2);
    assert.match(
      r2.stderr,
      /typo\.yaml:5:\d+: accesses\[0\]\.user: unknown user 'alcie' \(expected one of alice, found alcie\)/,
    );
  });

  await t.test(
    "refuses a price list the file names outside its folder, located, exit 2; --prices may be anywhere",
    () => {
      const path = write(
        "escape.yaml",
        "servers: [{ name: S1, product: ws2012-standard }]\nprices: ../../etc/passwd\n",
      );
      const r = runCli(["evaluate", path]);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        new RegExp(
          `${path}:2:9: prices: a file may name only files in its own folder or below \\(expected a path inside .*, found ../../etc/passwd\\)`,
        ),
      );
      assert.doesNotMatch(r.stderr, /root:/, "nothing of the file is read");
      const given = runCli([
        "evaluate",
        path,
        "--prices",
        join(root, "examples/prices-example.yaml"),
      ]);
      assert.equal(given.code, 0, given.stderr);
    },
  );

  await t.test(
    "reports YAML syntax errors with their line, and a missing file, with exit 2",
    () => {
      const path = write("syntax.yaml", "servers:\n  - { name: S1, product: ws2012-standard\n");
      const r = runCli(["evaluate", path]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /syntax\.yaml:\d+:\d+: .*\(expected valid YAML or JSON/);
      const missing = runCli(["evaluate", join(dir, "nope.yaml")]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read .*nope\.yaml: no such file/);
    },
  );

  await t.test(
    "80 users on SBS 2011 Standard: says the edition cannot serve them, names the editions that can, buys no SBS CALs",
    () => {
      // The SBS example with 5 more office users: 80 users, past the edition's cap of 75 [R1][R30].
      const example = readFileSync(join(root, "examples/sbs-75-users.yaml"), "utf8")
        .replaceAll("office{01..60}", "office{01..65}")
        .replaceAll("pc{01..60}", "pc{01..65}")
        .replace("prices: prices-example.yaml", "");
      const path = write("sbs-80.yaml", example);
      const prices = join(root, "examples/prices-example.yaml");
      const text = runCli(["evaluate", path, "--prices", prices]);
      assert.equal(text.code, 1, text.stderr);
      assert.match(
        text.stdout,
        /ERROR EDITION_USER_LIMIT: Windows Small Business Server 2011 Standard serves at most 75 users; SBS has 80\. Editions that can serve it: Windows Server 2012 Standard, .*Windows Server 2025 Datacenter\n/,
      );
      const toBuy = text.stdout.slice(
        text.stdout.indexOf("\nTo buy\n"),
        text.stdout.indexOf("\nFindings\n"),
      );
      assert.match(toBuy, /no CALs for SBS: .*would leave the deployment non-compliant/);
      assert.doesNotMatch(toBuy, /Small Business Server 2011 (Standard|Premium Add-on) CAL 2011/);
      assert.doesNotMatch(toBuy, /Total:/);

      const json = runCli(["evaluate", path, "--prices", prices, "--json"]);
      const result = evaluationResultSchema.parse(JSON.parse(json.stdout));
      assert.deepEqual(result.purchases, []);
      const cap = result.findings.find((f) => f.code === "EDITION_USER_LIMIT");
      assert.deepEqual(cap?.remedyEditions?.[0], {
        product: "ws2012-standard",
        name: "Windows Server 2012 Standard",
        rule: "edition-limit",
        sources: ["R1", "R21", "R23", "R26"],
      });
      for (const f of result.findings.filter((x) => x.code === "CAL_SHORTFALL")) {
        assert.match(f.remedy ?? "", /^no CAL purchase closes this: SBS runs/);
        // The sentence says what is short, and tells nobody to buy what would not close it.
        assert.match(f.message, /^You own \d+ of the \d+ .* this deployment needs$/);
      }
    },
  );

  await t.test(
    "words a bad count for people, with the file, line, path and the value found",
    () => {
      const path = write(
        "negative.yaml",
        "name: negative\nservers:\n  - { name: S1, product: ws2019-standard, processors: 1, userAccounts: -3 }\n",
      );
      const r = runCli(["evaluate", path]);
      assert.equal(r.code, 2, r.stderr);
      assert.ok(
        r.stderr.includes(`${path}:3:`) &&
          r.stderr.includes(": servers[0].userAccounts: must be 0 or more (found -3)"),
        r.stderr,
      );
      assert.doesNotMatch(r.stderr, /Too small/);
    },
  );

  await t.test(
    "names the nearest catalog product for a misspelt one, together with the document's other problems",
    () => {
      const path = write(
        "misspelt.yaml",
        [
          "name: misspelt",
          "servers:",
          '  - { name: S1, product: "Windows Server 2019 Standrad", processors: 1 }',
          "  - { name: S2, product: ws2019-standard, processors: 1, userAccounts: -3 }",
          "",
        ].join("\n"),
      );
      const r = runCli(["evaluate", path]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /has 2 problems/);
      assert.ok(
        r.stderr.includes(
          `${path}:3:26: servers[0].product: unknown product 'Windows Server 2019 Standrad': did you mean ws2019-standard (Windows Server 2019 Standard)?`,
        ),
        r.stderr,
      );
      assert.ok(r.stderr.includes(`${path}:4:`), r.stderr);
    },
  );

  await t.test("runs from another directory (the catalog is found next to the code)", () => {
    const r = runCli(["evaluate", join(root, "examples/contoso.yaml"), "--json"], dir);
    assert.equal(r.code, 1, r.stderr);
  });
});

test("calwise catalog", async (t) => {
  await t.test("lists every product with its sources", () => {
    const r = runCli(["catalog"]);
    assert.equal(r.code, 0, r.stderr);
    for (const id of [
      "ws2012-standard",
      "ws2008r2-enterprise-25",
      "sbs2011-premium-addon",
      "ws2016-datacenter",
    ])
      assert.match(r.stdout, new RegExp(id));
    assert.match(r.stdout, /R1 +\[MS\] Microsoft Server Client Access License/);
  });
});

test("calwise schema", async (t) => {
  await t.test("prints the deployment JSON Schema, and rejects an unknown name with exit 2", () => {
    const r = runCli(["schema", "deployment"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).title, "calwise deployment file");
    // The command's help names the outputs by their commands: each of those names works too.
    for (const [alias, title] of [
      ["evaluate", "evaluation-result"],
      ["advise", "edition-advice"],
      ["catalog", "catalog-listing"],
      ["audit", "audit-result"],
      ["events", "evidence-record"],
    ] as const) {
      const byAlias = runCli(["schema", alias]);
      assert.equal(byAlias.code, 0, byAlias.stderr);
      assert.equal(byAlias.stdout, runCli(["schema", title]).stdout);
    }
    const bad = runCli(["schema", "nope"]);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /unknown schema 'nope'.*expected deployment \| price-list \| evaluation-result/s,
    );
  });
});
