import { loadPriceListFile, renderEditionAdvice } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import {
  adviseEdition,
  CalwiseError,
  customerNeeds,
  type DatedPriceList,
  errorCodes,
  isValidOn,
  selectPriceList,
  validateCustomerProfile,
} from "@calwise/core";
import type { Command } from "commander";

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
    .action((options: AdviseOptions) => {
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
      const profile = validateCustomerProfile(input);
      if (!profile.success)
        throw new CalwiseError(
          "INPUT_INVALID",
          "the customer profile is not valid",
          profile.problems.map((p) => {
            const [field, ...rest] = p.path.split(/(?=[.[])/);
            return { ...p, path: `${OPTION_OF[field ?? ""] ?? field ?? ""}${rest.join("")}` };
          }),
        );
      const date = options.date ?? new Date().toISOString().slice(0, 10);
      const priceList = choosePriceList(
        (options.priceList ?? []).flatMap((file) => loadPriceListFile(file, catalog)),
        date,
        options.currency,
      );
      const advice = adviseEdition(profile.value, catalog, priceList);
      process.stdout.write(
        options.json ? `${JSON.stringify(advice, null, 2)}\n` : renderEditionAdvice(advice),
      );
      process.exitCode = advice.ranked.length > 0 ? 0 : errorCodes.NOT_COMPLIANT.exitCode;
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The list valid on the date (the one that started last); `--currency` decides when several currencies are valid. */
function choosePriceList(
  lists: readonly DatedPriceList[],
  date: string,
  currency: string | undefined,
): DatedPriceList | undefined {
  if (lists.length === 0) return undefined;
  const currencies = [...new Set(lists.filter((l) => isValidOn(l, date)).map((l) => l.currency))];
  if (currency === undefined && currencies.length > 1)
    throw new CalwiseError(
      "INPUT_INVALID",
      `price lists in ${currencies.join(" and ")} are valid on ${date}`,
      [
        {
          code: "AMBIGUOUS_PRICE_LIST",
          path: "--currency",
          message: "say which currency to advise in",
          expected: `--currency ${currencies.join(" | ")}`,
          received: "no --currency",
        },
      ],
    );
  const selected = selectPriceList(
    lists,
    date,
    currency ?? currencies[0] ?? (lists[0] as DatedPriceList).currency,
  );
  if (!selected.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `cannot choose a price list for ${date}`,
      selected.problems.map((p) => ({ ...p, path: "--price-list" })),
    );
  return selected.value;
}
