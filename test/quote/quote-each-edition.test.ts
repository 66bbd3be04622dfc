// A quote for every operating-system edition of the catalog (the seed editions), from the example price list.
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildQuote } from "@calwise/core";
import { catalog, prices2026, quoteRequest } from "./quote-fixtures.ts";

const editions = [...catalog.products.values()].filter((p) => p.kind === "operating-system");

test("a quote for each seed edition", async (t) => {
  await t.test("covers every operating-system edition of the catalog", () => {
    assert.ok(editions.length >= 17, `${editions.length} editions`);
  });
  for (const edition of editions) {
    await t.test(edition.name, () => {
      const r = buildQuote(
        quoteRequest({
          name: `${edition.id} office`,
          servers: [{ name: "SRV1", product: edition.id, processors: 1 }],
          accesses: [{ user: "U{1..8}", device: "PC{1..8}", server: "SRV1" }],
        }),
        catalog,
        prices2026,
      );
      assert.ok(r.success, JSON.stringify(!r.success && r.problems));
      const q = r.value;
      const licence = q.lines.filter((l) => l.kind === "server-licence");
      assert.ok(licence.length > 0, "a server licence line");
      assert.ok(
        licence.every((l) => l.sku !== null && l.amount > 0 && l.subject.server === "SRV1"),
      );
      const cals = q.lines.filter((l) => l.kind === "cal");
      const included = edition.includedCals?.reduce((s, c) => s + c.quantity, 0) ?? 0;
      if (edition.cals.length === 0)
        assert.equal(cals.length, 0, "an edition without CALs gets no CAL lines");
      else {
        const units = cals.reduce((s, l) => s + l.quantity * l.packSize, 0);
        assert.ok(units >= 8 - included, `${units} CALs for 8 users with ${included} included`);
        assert.ok(cals.every((l) => l.subject.family === edition.cals[0]?.family));
      }
      if (included > 0)
        assert.ok(
          q.lines.some(
            (l) =>
              l.kind === "included-cals" &&
              l.quantity === included &&
              l.informational &&
              l.amount === 0,
          ),
          "included CALs shown as such",
        );
      assert.equal(
        q.total,
        q.lines.reduce((s, l) => s + l.net, 0),
      );
      assert.equal(q.priceList.version, "2026-H2");
    });
  }
});
