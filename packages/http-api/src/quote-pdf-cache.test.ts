import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { type Quote, quoteSchema } from "@calwise/core";
import { renderQuotePdf } from "@calwise/documents";
import { createQuotePdfCache } from "./quote-pdf-cache.ts";

// The example quote as `calwise quote --json` writes it (the golden file: the exit code, then stdout, then stderr).
const golden = readFileSync(
  new URL("../../../test/examples/golden/quote-muller-lodz.json", import.meta.url),
  "utf8",
);
const quote: Quote = quoteSchema.parse(
  JSON.parse(golden.slice(golden.indexOf("{"), golden.indexOf("\n--- stderr"))),
);

/** The real renderer, counted. */
function countedRenderer(fail = 0) {
  const counted = { renders: 0, failures: fail };
  const render = async (q: Quote) => {
    counted.renders++;
    if (counted.failures > 0) {
      counted.failures--;
      throw new Error("the renderer failed");
    }
    return new Uint8Array(await renderQuotePdf(q));
  };
  return { counted, render };
}

test("the same quote is rendered once; another quote (or the same one changed) is rendered again", async () => {
  const { counted, render } = countedRenderer();
  const pdfOf = createQuotePdfCache(render);
  const first = await pdfOf(quote);
  assert.equal(Buffer.from(first).subarray(0, 5).toString(), "%PDF-");
  assert.equal(await pdfOf(structuredClone(quote)), first, "a quote equal in content is a hit");
  assert.equal(counted.renders, 1);
  const changed = { ...quote, validUntil: "2027-01-31" };
  const second = await pdfOf(changed);
  assert.notEqual(second, first);
  assert.equal(counted.renders, 2);
  assert.equal(await pdfOf(quote), first, "the first is still kept");
  assert.equal(counted.renders, 2);
});

test("two downloads at once render once", async () => {
  const { counted, render } = countedRenderer();
  const pdfOf = createQuotePdfCache(render);
  const [a, b] = await Promise.all([pdfOf(quote), pdfOf(quote)]);
  assert.equal(a, b);
  assert.equal(counted.renders, 1);
});

test("past the budget the least recently used PDF is dropped, and a failed render is not kept", async () => {
  const { counted, render } = countedRenderer(1);
  const size = (await renderQuotePdf(quote)).byteLength;
  // Room for one PDF of this size, not two.
  const pdfOf = createQuotePdfCache(render, Math.floor(size * 1.5));
  await assert.rejects(pdfOf(quote), /the renderer failed/);
  await pdfOf(quote);
  assert.equal(counted.renders, 2, "the failure was not kept");
  await pdfOf({ ...quote, validUntil: "2027-01-31" });
  await pdfOf(quote);
  assert.equal(counted.renders, 4, "the first was dropped for the second");
});
