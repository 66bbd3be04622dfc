import {
  adviseEdition,
  CalwiseError,
  type Catalog,
  type DatedPriceList,
  type EditionAdvice,
  type EvaluateOptions,
  validateCustomerProfile,
} from "@calwise/core";
import { choosePriceList } from "./choose-price-list.ts";

/** What the edition advice takes: the customer profile as data, price lists, the date and the catalog. */
export interface AdviseCustomerInput {
  /** The customer profile (users, devices, needs, …), validated here. */
  readonly profile: unknown;
  /** Price lists to choose from; none ranks the editions by CALs to buy. */
  readonly priceLists?: readonly DatedPriceList[];
  /** The currency, when lists in several currencies are valid on the date. */
  readonly currency?: string;
  /** YYYY-MM-DD: the date whose prices apply. */
  readonly date: string;
  readonly catalog: Catalog;
  /** How problems name an input (the CLI passes its options: `users` → `--users`); by default its field. */
  readonly fieldNames?: Readonly<Record<string, string>>;
  /** A MIP solver and plans kept, for the families the engine leaves open (`evaluateUntilProven`). */
  readonly evaluation?: EvaluateOptions;
}

/**
 * The advise use case: validates the profile, chooses the price list valid on the date, and evaluates every
 * edition in the catalog for it (`adviseEdition`). Bad input is a CalwiseError INPUT_INVALID.
 */
export function adviseCustomer(input: AdviseCustomerInput): EditionAdvice {
  const nameOf = (field: string) => input.fieldNames?.[field] ?? field;
  const profile = validateCustomerProfile(input.profile);
  if (!profile.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      "the customer profile is not valid",
      profile.problems.map((p) => {
        const [field, ...rest] = p.path.split(/(?=[.[])/);
        return { ...p, path: `${nameOf(field ?? "")}${rest.join("")}` };
      }),
    );
  const priceList = choosePriceList(input.priceLists ?? [], input.date, input.currency, {
    currency: nameOf("currency"),
    priceLists: nameOf("priceLists"),
  });
  return adviseEdition(profile.value, input.catalog, priceList, input.evaluation);
}
