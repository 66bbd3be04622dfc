import { listCatalog } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import type { Command } from "commander";
import { renderCatalogListing } from "../report/render-catalog-listing.ts";

/** `calwise catalog`: the products, CAL families and rules calwise knows, with their sources. */
export function registerCatalogCommand(program: Command): void {
  program
    .command("catalog")
    .description(
      "list the products, CAL families, rules and assumptions calwise knows, with sources",
    )
    .option("--json", "print the catalog data as JSON")
    .option("--catalog <file>", "catalog file, instead of the shipped one")
    .action((options: { json?: boolean; catalog?: string }) => {
      const listing = listCatalog(loadCatalog(options.catalog));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      process.stdout.write(renderCatalogListing(listing));
    });
}
