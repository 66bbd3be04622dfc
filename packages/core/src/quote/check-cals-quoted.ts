import { type Catalog, ruleSources, tierOf } from "../catalog/catalog.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { InputProblem } from "../errors/input-problem.ts";
import type { EvaluationResult } from "../evaluate/evaluation-result-schema.ts";
import type { OmittedCalsReason } from "./quote-request-schema.ts";
import type { StatedReason } from "./quote-schema.ts";

/**
 * The rule that makes calwise quotes never forget the CALs (the source page: offer CALs whenever a server is
 * sold [R1]). A server whose edition requires CALs must appear in the quote's CAL cover, unless the quote records
 * why not: the customer already owns CALs of that family (how many, which version, recent enough), or the
 * server is reached anonymously only. Otherwise it is a problem naming the server and the rule. Reasons that
 * contradict the deployment (anonymous-only for a server with authenticated users) are problems too.
 * Returns the reasons as the quote states them.
 */
export function checkCalsQuoted(
  deployment: ResolvedDeployment,
  evaluation: EvaluationResult,
  reasons: readonly OmittedCalsReason[],
  catalog: Catalog,
  serverPath: (server: string) => string,
): { readonly problems: InputProblem[]; readonly stated: StatedReason[] } {
  const problems: InputProblem[] = [];
  const coverRule = catalog.rules.get("cal-per-user-or-device");
  const coverSources = ruleSources(catalog, "cal-per-user-or-device");
  for (const server of deployment.servers.values()) {
    if (server.spec.hypervOnlyHost) continue; // access to a virtualisation-only host needs no CAL [R2][R13]
    const needs = server.product.cals.filter(
      (c) => c.assumption === undefined || deployment.assumptions.get(c.assumption) !== false,
    );
    if (needs.length === 0) continue;
    const authenticated = new Set<string>();
    for (const family of evaluation.families)
      for (const holder of family.holders)
        if (holder.servers.includes(server.name)) authenticated.add(`${holder.type}:${holder.id}`);
    const viaConnector = evaluation.families.some((f) =>
      f.externalConnectors.some((c) => c.server === server.name && c.chosen),
    );
    const anonymousReason = reasons.findIndex(
      (r) => r.reason === "anonymous-only" && r.server === server.name,
    );
    if (authenticated.size > 0 || viaConnector) {
      if (anonymousReason >= 0)
        problems.push({
          code: "REASON_CONTRADICTS_DEPLOYMENT",
          path: `omittedCals[${anonymousReason}]`,
          message: `${server.name} is recorded as reached anonymously only, but ${authenticated.size || "external"} authenticated users or devices reach it in the deployment`,
          expected: "no authenticated access to the server",
          received: `${authenticated.size} users or devices with CALs`,
        });
      continue;
    }
    if (anonymousReason >= 0) continue;
    const ownedReasons = reasons.filter(
      (r): r is Extract<OmittedCalsReason, { reason: "already-owned" }> =>
        r.reason === "already-owned" &&
        (r.server === undefined || r.server === server.name) &&
        needs.some((n) => n.family === r.family),
    );
    const sufficient = ownedReasons.filter((r) =>
      needs.every((n) => {
        const family = catalog.families.get(n.family);
        if (!family || n.family !== r.family) return true;
        return tierOf(family, r.version) >= tierOf(family, n.version);
      }),
    );
    if (sufficient.length > 0) continue;
    const need = needs
      .map((n) => `${catalog.families.get(n.family)?.name ?? n.family} ${n.version} or later`)
      .join(" and ");
    const exempt = evaluation.exemptions.filter((e) => e.server === server.name).map((e) => e.rule);
    const tooOld = ownedReasons.map((r) => `${r.quantity} owned ${r.family} ${r.version}`);
    problems.push({
      code: "CALS_NOT_QUOTED",
      path: serverPath(server.name),
      message:
        `cannot quote server ${server.name} (${server.product.name}) without CALs: rule cal-per-user-or-device — ${coverRule?.text ?? "every access needs a CAL"} It needs a ${need} per user or device [${coverSources.join(", ")}]` +
        (exempt.length > 0
          ? `; its only accesses in the deployment are exempt (${[...new Set(exempt)].join(", ")})`
          : "") +
        (tooOld.length > 0
          ? `; ${tooOld.join(", ")} are older than the server (rule version-or-later)`
          : "") +
        ". List who accesses it in the deployment, or record why under omittedCals: already-owned (quantity and version) or anonymous-only",
      expected: `CAL lines for ${server.name}, or a recorded reason`,
      received: "no CAL lines and no recorded reason",
    });
  }

  const stated: StatedReason[] = reasons.map((r) => {
    if (r.reason === "anonymous-only")
      return {
        reason: r.reason,
        server: r.server,
        statement: `No CALs for ${r.server}: it is reached only anonymously over the Internet, without authentication${r.note ? ` (${r.note})` : ""}.`,
        rule: "anonymous-internet",
        sources: ruleSources(catalog, "anonymous-internet"),
      };
    const family = catalog.families.get(r.family)?.name ?? r.family;
    const type = r.type === "either" ? "user or device" : r.type;
    return {
      reason: r.reason,
      server: r.server ?? null,
      statement: `The customer already owns ${r.quantity} ${family}${r.quantity === 1 ? "" : "s"} ${r.version} (${type})${r.note ? `: ${r.note}` : ""}; they count towards the CALs ${r.server ? `for ${r.server}` : "needed"} and are not quoted again.`,
      rule: "cal-per-user-or-device",
      sources: ruleSources(catalog, "cal-per-user-or-device"),
    };
  });
  return { problems, stated };
}
