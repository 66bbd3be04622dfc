import { adviseCustomer, evaluateUntilProven } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { customerNeeds, errorCodes } from "@calwise/core";
import { loadHighsSolver, loadPriceListFile } from "@calwise/node-files";
import type { Command } from "commander";
import { renderEditionAdvice } from "../report/render-edition-advice.ts";
import { CLI_HIGHS_LIMITS } from "./cli-highs-limits.ts";

interface AdviseOptions {
  users?: string;
  devices?: string;
  sharedDevices?: string;
  usersWithSeveralDevices?: string;
  externalUsers?: string;
  anonymousWeb?: boolean;
  needs?: string;
  processors?: string;
  coresPerProcessor?: string;
  vms?: string;
  growth?: string;
  priceList?: string[];
  currency?: string;
  date?: string;
  json?: boolean;
  catalog?: string;
}

const OPTION_OF: Record<string, string> = {
  users: "--users",
  devices: "--devices",
  sharedDevices: "--shared-devices",
  usersWithSeveralDevices: "--users-with-several-devices",
  externalUsers: "--external-users",
  needs: "--needs",
  processors: "--processors",
  coresPerProcessor: "--cores-per-processor",
  virtualMachines: "--vms",
  growth: "--growth",
  currency: "--currency",
  priceLists: "--price-list",
};

/** `calwise advise --users N ...`: which edition serves a customer, cheapest first; exit 1 when none can. */
export function registerAdviseCommand(program: Command): void {
  program
    .command("advise")
    .description(
      "which Windows Server edition serves a customer: every catalog edition evaluated, ranked by cost, with the rules that rule editions out and where growth changes the answer",
    )
    .requiredOption("--users <n>", "internal users")
    .option("--devices <n>", "client devices in all (default: one per user)")
    .option("--shared-devices <n>", "devices several users share")
    .option("--users-with-several-devices <n>", "users with two personal devices or more")
    .option("--external-users <n>", "authenticated external users")
    .option("--anonymous-web", "an anonymous, unauthenticated web site")
    .option("--needs <list>", `comma-separated: ${customerNeeds.join(", ")}`)
    .option("--processors <n>", "physical processors of the server (default 1)")
    .option("--cores-per-processor <n>", "cores per processor (core-licensed editions)")
    .option("--vms <n>", "virtual machines the server licence must cover")
    .option("--growth <n>", "users expected to join (each with a personal device)")
    .option(
      "--price-list <file>",
      "price list (CSV, YAML or JSON); repeat for several",
      collect,
      [],
    )
    .option("--currency <code>", "the currency, when the price lists hold several")
    .option("--date <YYYY-MM-DD>", "the date whose prices apply (default: today)")
    .option("--json", "print the machine-readable advice")
    .option("--catalog <file>", "catalog file, instead of the shipped one")
    .action(async (options: AdviseOptions) => {
      const catalog = loadCatalog(options.catalog);
      const number = (value: string | undefined) =>
        value === undefined ? undefined : /^\d+$/.test(value.trim()) ? Number(value) : value;
      const input = Object.fromEntries(
        Object.entries({
          users: number(options.users),
          devices: number(options.devices),
          sharedDevices: number(options.sharedDevices),
          usersWithSeveralDevices: number(options.usersWithSeveralDevices),
          externalUsers: number(options.externalUsers),
          anonymousWeb: options.anonymousWeb,
          needs: options.needs
            ?.split(",")
            .map((n) => n.trim())
            .filter(Boolean),
          processors: number(options.processors),
          coresPerProcessor: number(options.coresPerProcessor),
          virtualMachines: number(options.vms),
          growth: number(options.growth),
        }).filter(([, v]) => v !== undefined),
      );
      const priceLists = (options.priceList ?? []).flatMap((file) =>
        loadPriceListFile(file, catalog),
      );
      // HiGHS is loaded only when the engine's own bounds leave a family open.
      const advice = await evaluateUntilProven(
        (evaluation) =>
          adviseCustomer({
            profile: input,
            priceLists,
            ...(options.currency !== undefined ? { currency: options.currency } : {}),
            date: options.date ?? new Date().toISOString().slice(0, 10),
            catalog,
            fieldNames: OPTION_OF,
            evaluation,
          }),
        () => loadHighsSolver(CLI_HIGHS_LIMITS),
      );
      process.stdout.write(
        options.json ? `${JSON.stringify(advice, null, 2)}\n` : renderEditionAdvice(advice),
      );
      process.exitCode = advice.ranked.length > 0 ? 0 : errorCodes.NOT_COMPLIANT.exitCode;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
