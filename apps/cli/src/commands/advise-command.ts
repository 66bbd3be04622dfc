import { adviseCustomer, evaluateUntilProven } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError, customerNeeds, errorCodes } from "@calwise/core";
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
      const input = Object.fromEntries(
        Object.entries({
          ...counts(options),
          anonymousWeb: options.anonymousWeb,
          needs: options.needs
            ?.split(",")
            .map((n) => n.trim())
            .filter(Boolean),
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

/**
 * The profile's counts as numbers. A count typed as something else ("-5", "3.5", "ten") is refused here with
 * the option and what was typed: passed on as text, the profile's schema would say "expected number,
 * received string" even of "-5".
 */
function counts(options: AdviseOptions): Record<string, number | undefined> {
  const typed: Record<string, string | undefined> = {
    users: options.users,
    devices: options.devices,
    sharedDevices: options.sharedDevices,
    usersWithSeveralDevices: options.usersWithSeveralDevices,
    externalUsers: options.externalUsers,
    processors: options.processors,
    coresPerProcessor: options.coresPerProcessor,
    virtualMachines: options.vms,
    growth: options.growth,
  };
  const notCounts = Object.entries(typed).filter(
    ([, value]) => value !== undefined && !/^\d+$/.test(value.trim()),
  );
  if (notCounts.length > 0)
    throw new CalwiseError(
      "INPUT_INVALID",
      "the customer profile is not valid",
      notCounts.map(([field, value]) => ({
        code: "ARGUMENT",
        path: OPTION_OF[field] ?? field,
        message: "not a count",
        expected: "a whole number, 0 or more",
        received: value,
      })),
    );
  return Object.fromEntries(
    Object.entries(typed).map(([field, value]) => [
      field,
      value === undefined ? undefined : Number(value),
    ]),
  );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
