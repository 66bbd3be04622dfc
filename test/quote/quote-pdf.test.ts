// The PDF a customer receives, checked as a person would: its text through pdftotext, its first page rendered
// with pdftoppm (and looked at: docs/quotes.md). Needs poppler-utils (scripts/setup.sh installs it).
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { root, runCli } from "../cli/run-cli.ts";
import { scratchDirectory } from "../scratch-directory.ts";
import { darkestRow, inkShare, pdfText, pngSize, renderFirstPage } from "./render-pages.ts";

const dir = scratchDirectory("calwise-quote-pdf-");
const pdf = join(dir, "quote.pdf");

test("calwise quote --pdf", async (t) => {
  const run = runCli(["quote", "examples/quote-muller-lodz.yaml", "--pdf", pdf], root);

  await t.test("writes the PDF and says so", () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /Q-2026-0117 for Müller Sp\. z o\.o\.: total €7,629\.40, 11 priced lines; written to/,
    );
  });

  await t.test("prints the customer, non-ASCII names, € amounts, line items and the total", () => {
    const text = pdfText(pdf);
    for (const expected of [
      "Müller Sp. z o.o.",
      "Jürgen Müller",
      "90-926 Łódź",
      "Hauptstraße 5",
      "QUOTATION",
      "Q-2026-0117",
      "28 November 2026",
      "28 December 2026",
      "Windows Server 2012 R2 Standard, 2-processor licence",
      "WS12R2-STD-2P",
      "Windows Server CAL 2012, device, 5-pack",
      "Remote Desktop Services CAL 2012, device",
      "SQL Server CAL 2012, user",
      "€820.00",
      "€1,990.00",
      "Subtotal",
      "€7,858.00",
      "-€228.60",
      "Total (EUR)",
      "€7,629.40",
      "included",
      "owned",
      "No CALs for WEB",
      "2026-H2",
      "Page 1 of 2",
    ])
      assert.ok(text.includes(expected), `the PDF text lacks ${JSON.stringify(expected)}`);
    assert.ok(!text.includes("\uFFFD"), "no character without a glyph");
    assert.match(
      text,
      /2 VMs\s+at 2 per\s+licence -> 1/,
      "the arrow Roboto lacks is written as ->",
    );
  });

  await t.test(
    "renders page 1 to a PNG of an A4 page with ink in the header, the parties and the table",
    () => {
      const page = renderFirstPage(pdf, dir);
      const size = pngSize(page.png);
      assert.deepEqual(size, { width: 414, height: 585 }, "A4 at 50 dpi");
      assert.ok(
        page.png.length > 10_000,
        `a PNG of ${page.png.length} bytes is too plain for a quote`,
      );
      const all = inkShare(page.grey);
      assert.ok(all > 0.02 && all < 0.4, `ink covers ${(all * 100).toFixed(1)} % of the page`);
      assert.ok(
        inkShare(page.grey, 0.04, 0.12) > 0.01,
        "the header (seller, QUOTATION) is printed",
      );
      assert.ok(darkestRow(page.grey, 0.2, 0.5) > 0.6, "the table header is a filled bar");
      assert.ok(inkShare(page.grey, 0.35, 0.9) > 0.02, "line items are printed");
    },
  );
});
