import { type LogonRuleId, logonRuleSources, logonRules } from "@calwise/evidence";
import type { AuditResult, NotCountedEntry } from "./audit-result-schema.ts";
import type { LogonOrigin, LogonTally, NotCountedAccount } from "./record-logon-access.ts";
import { sortByTexts } from "./sort-by-texts.ts";

const originText: Record<LogonOrigin, string> = {
  "server-itself": "opened on the server itself",
  internal: "from an internal device",
  "public-address": "from a public address",
  unknown: "from an unnamed client",
};

/**
 * What an ANONYMOUS LOGON is, from where it came: an unauthenticated session, no user identified, so
 * no CAL for that identity; from an internal device, that device may still need one if it accesses
 * the server authenticated. Only access that neither authenticates nor identifies anyone, through
 * the Internet, is the anonymous exemption [R1][R2][R13].
 */
function describeAnonymous(origins: ReadonlySet<LogonOrigin>): string {
  const where = [...origins].map((o) => originText[o]).join(", ");
  const internal = origins.has("internal")
    ? "; the device may still need a CAL if it also accesses the server authenticated"
    : "";
  return `an unauthenticated session (${where}): no user identified, no CAL for this identity${internal}`;
}

const describe = (entry: NotCountedAccount): string =>
  entry.rule === "anonymous-logon"
    ? describeAnonymous(entry.origins)
    : logonRules[entry.rule].summary;

/** A rule with its sources resolved: W labels to their title and address, R labels to licensing-rules.md. */
function ruleEntry(id: LogonRuleId): AuditResult["rules"][number] {
  const rule = logonRules[id];
  return {
    id,
    summary: rule.summary,
    sources: rule.sources.map((label) => {
      const w = (logonRuleSources as Record<string, (typeof logonRuleSources)["W1"]>)[label];
      return w === undefined
        ? { label, by: "licensing-rules" as const }
        : { label, by: w.by, title: w.title, url: w.url };
    }),
  };
}

/**
 * The logons not counted, per account and the rule that decided (with where they came from), the
 * counted logons made at the server itself, and every rule the result names with its sources.
 * `atServerRanks` are the ranks of `tally.atServer.nameTexts` when the caller has them.
 */
export function buildLogonBreakdown(
  tally: LogonTally,
  counted: boolean,
  atServerRanks?: ReadonlyMap<string, number>,
): Pick<AuditResult, "notCounted" | "atServer" | "rules"> {
  const notCounted: NotCountedEntry[] = [...tally.notCounted.values()].map((e) => ({
    account: e.account,
    rule: e.rule,
    reason: e.reason,
    events: e.events,
    servers: [...e.servers].sort(),
    from: [...e.from].sort(),
    fromMore: e.fromMore,
    description: describe(e),
  }));
  // Sorted by ranks, not by the collator in every comparison: 36,000 logons at the server itself
  // in a 42 MB log.
  sortByTexts(
    notCounted,
    (e) => e.rule,
    (e) => e.account,
  );
  // In order by the pairs' name ids (each name ranked once), made in that order.
  const atServer = tally.atServer.sortedMap(
    (server, user, events) => ({
      server,
      user,
      events,
      rule: "server-own-console" as const,
    }),
    atServerRanks,
  );
  const used = new Set<LogonRuleId>(notCounted.map((e) => e.rule));
  if (counted) used.add("person-logon");
  if (atServer.length > 0) used.add("server-own-console");
  const order = Object.keys(logonRules) as LogonRuleId[];
  return { notCounted, atServer, rules: order.filter((id) => used.has(id)).map(ruleEntry) };
}
