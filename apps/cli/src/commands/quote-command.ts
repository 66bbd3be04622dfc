import { writeFileSync } from "node:fs";
import { evaluateUntilProven } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, formatMoney } from "@calwise/core";
import { renderQuoteMarkdown, renderQuotePdf } from "@calwise/documents";
import { loadHighsSolver, loadQuoteFile } from "@calwise/node-files";
import type { Command } from "commander";
import { CLI_HIGHS_LIMITS } from "./cli-highs-limits.ts";

interface QuoteOptions {
  priceList?: string[];
  pdf?: string;
  markdown?: boolean;
  json?: boolean;
  date?: string;
  catalog?: string;
}

/**
 * `calwise quote FILE --price-list prices.csv [--pdf quote.pdf] [--markdown] [--json]`: a priced quote for a
 * deployment. Prints Markdown (for an e-mail) unless --json; --pdf also writes the PDF. Refuses, with exit 2,
 * a quote whose CAL-requiring server has no CALs and no recorded reason.
 */
export function registerQuoteCommand(program: Command): void {
  program
    .command("quote")
    .description(
      "quote a deployment from a reseller price list: server licences, CALs in the cheapest packs, discounts, total; Markdown, JSON or PDF",
    )
    .argument("<file>", "quote file (YAML or JSON, see docs/quotes.md)")
    .option(
      "--price-list <file>",
      "price list (CSV, YAML or JSON); repeat for several",
      collect,
      [],
    )
    .option("--pdf <file>", "also write the quote as a PDF")
    .option("--markdown", "print the quote as Markdown (the default unless --json or --pdf)")
    .option("--json", "print the machine-readable quote")
    .option("--date <YYYY-MM-DD>", "the quote date when the file has none (default: today)")
    .option("--catalog <file>", "catalog file, instead of the shipped one")
    .action(async (file: string, options: QuoteOptions) => {
      const catalog = loadCatalog(options.catalog);
      // HiGHS is loaded only when the engine's own bounds leave a family open.
      const { quote } = await evaluateUntilProven(
        (evaluation) =>
          loadQuoteFile(file, catalog, {
            priceListPaths: options.priceList ?? [],
            today: options.date ?? new Date().toISOString().slice(0, 10),
            evaluation,
          }),
        () => loadHighsSolver(CLI_HIGHS_LIMITS, { fewSolves: true }),
      );
      if (options.pdf) {
        const pdf = await renderQuotePdf(quote);
        try {
          writeFileSync(options.pdf, pdf);
        } catch (error) {
          throw new CalwiseError("INPUT_UNREADABLE", `cannot write ${options.pdf}`, [
            {
              code: "FILE",
              path: "--pdf",
              file: options.pdf,
              message: `cannot write the PDF: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
              expected: "a writable file path",
            },
          ]);
        }
      }
      if (options.json) process.stdout.write(`${JSON.stringify(quote, null, 2)}\n`);
      else if (options.markdown || !options.pdf) process.stdout.write(renderQuoteMarkdown(quote));
      else
        process.stdout.write(
          `${quote.number ?? "quote"} for ${quote.customer.name}: total ${formatMoney(quote.total, quote.currency, quote.locale)}, ${quote.lines.filter((l) => !l.informational).length} priced lines; written to ${options.pdf}\n`,
        );
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
