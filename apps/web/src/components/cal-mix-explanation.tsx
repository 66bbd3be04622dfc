import type { EvaluationResult, FamilyResult } from "@calwise/core";
import { formatCountOf } from "../format/format-count.ts";
import { Money } from "./money.tsx";

const plural = formatCountOf;

/** The figure of an optimisation amount: money when the result is priced, else CALs to buy. */
function Amount({ value, currency }: { value: number; currency: string | null }) {
  return currency === null ? (
    <span>{plural(value, "CAL")}</span>
  ) : (
    <Money minor={value} currency={currency} />
  );
}

/** One family's user/device mix and, in words, why the engine says no other mix costs less. */
function FamilyMix({ family, currency }: { family: FamilyResult; currency: string | null }) {
  const users = family.holders.filter((h) => h.type === "user").length;
  const devices = family.holders.length - users;
  const { exactness, cost, lowerBound, gap, gapPercent, certificate } = family.optimisation;
  const owned = family.owned.reduce((n, o) => n + o.used, 0);
  return (
    <li>
      <h3>{family.name}</h3>
      <p>
        {plural(users, "user CAL")} and {plural(devices, "device CAL")}
        {owned > 0 ? `, ${plural(owned, "owned CAL")} used first` : ""}. A user CAL lets one person
        use any number of devices; a device CAL lets any number of people use one device. calwise
        chose, for every access, which side to license so that the whole costs least: people with
        several devices take user CALs, devices many people share take device CALs.
      </p>
      <p>
        {exactness === "optimal" ? (
          <>
            This is the cheapest mix: {currency === null ? "it leaves " : "it costs "}
            <Amount value={cost} currency={currency} />
            {currency === null ? " to buy (no price list: the fewest CALs)" : ""}, and calwise
            proved that no mix costs less (the lower bound is{" "}
            <Amount value={lowerBound} currency={currency} />
            {certificate.verified ? ", checked by an independent verifier of the minimum cut" : ""}
            ).
          </>
        ) : (
          <>
            This is the best mix found: {currency === null ? "it leaves " : "it costs "}
            <Amount value={cost} currency={currency} />
            {currency === null ? " to buy" : ""}; no mix costs less than{" "}
            <Amount value={lowerBound} currency={currency} />, so a better answer could save at most{" "}
            <Amount value={gap} currency={currency} /> ({gapPercent} %).
          </>
        )}
      </p>
      <p className="code">
        method {family.optimisation.method} · ties broken by {family.optimisation.tieBreak} · rules{" "}
        {family.rules.join(", ")} · sources {family.sources.join(", ")}
      </p>
    </li>
  );
}

/** Per CAL family: the user/device mix the engine chose and why it is the cheapest, in words. */
export function CalMixExplanation({ result }: { result: EvaluationResult }) {
  const families = result.families.filter((f) => f.holders.length > 0);
  if (families.length === 0) return null;
  return (
    <section className="card" aria-labelledby="mix-title">
      <h2 id="mix-title">The user and device mix, and why it is the cheapest</h2>
      <ul className="mix-list">
        {families.map((f) => (
          <FamilyMix key={f.family} family={f} currency={result.currency} />
        ))}
      </ul>
    </section>
  );
}
