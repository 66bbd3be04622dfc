import {
  type Catalog,
  describeServingEditions,
  type EvaluationResult,
  type FamilyResult,
  formatMoney,
} from "@calwise/core";

const unitText = {
  server: "server licence",
  processor: "processor licence",
  "processor-pair": "2-processor licence",
  "core-pack": "2-core pack",
} as const;

/** Renders an evaluation as a readable plain-text report; every figure names its rule and sources. */
export function renderEvaluationReport(result: EvaluationResult, catalog: Catalog): string {
  const out: string[] = [];
  const money = (m: number | null) =>
    m === null || result.currency === null
      ? "not priced"
      : formatMoney(m, result.currency, "en", "code");
  const cite = (sources: readonly string[]) =>
    sources.length > 0 ? ` [${sources.join(", ")}]` : "";
  const errors = result.findings.filter((f) => f.severity === "error").length;

  out.push(`calwise: ${result.deployment}`);
  out.push(
    `catalog ${result.catalogVersion}; prices: ${result.priceList ? `${result.priceList.name}${result.priceList.version ? ` ${result.priceList.version}` : ""} (${result.currency}, examples, not Microsoft prices)` : "none (minimising the number of CALs)"}`,
  );
  out.push(
    `Result: ${result.compliant ? "COMPLIANT" : `NOT COMPLIANT (${errors} error${errors === 1 ? "" : "s"})`}`,
  );

  out.push("", "Server licences");
  for (const l of result.serverLicences)
    out.push(
      `  ${l.server}: ${l.productName}: ${l.quantity} × ${unitText[l.unit]}${l.quantity === 1 ? "" : "s"}${l.cores ? ` (${l.cores} cores)` : ""}`,
      `      ${l.explanation}; rule ${l.rule}${cite(l.sources)}`,
    );

  for (const f of result.families) out.push("", ...renderFamily(f, money, cite));
  if (result.families.length === 0) out.push("", "CALs: none needed");

  out.push("", "To buy");
  const capped = result.findings.filter((f) => f.remedyEditions !== undefined);
  if (result.purchases.length === 0 && capped.length === 0) out.push("  nothing");
  for (const f of capped)
    out.push(
      `  no CALs for ${f.subject?.server}: ${f.message}; CALs bought for it would leave the deployment non-compliant, so none are advised until it runs an edition that can serve it (see Findings)`,
    );
  for (const p of result.purchases) {
    const what =
      p.kind === "external-connector"
        ? `${catalog.externalConnectors.get(p.connector ?? "")?.name ?? p.connector} ${p.version} for ${p.server}`
        : `${catalog.families.get(p.family)?.name ?? p.family} ${p.version} ${p.type}`;
    const packs = p.packs
      .map((k) => `${k.count} × ${k.sku} (${k.size}-pack at ${money(k.price)})`)
      .join(" + ");
    out.push(
      `  ${what}: ${p.units} unit${p.units === 1 ? "" : "s"}${packs ? ` as ${packs}` : ""} = ${money(p.cost)}`,
      `      ${p.reason}; rule ${p.rule}${cite(p.sources)}`,
    );
  }
  if (result.purchases.length > 0) out.push(`  Total: ${money(result.purchaseTotal)}`);

  if (result.exemptions.length > 0) {
    out.push("", "No CAL needed");
    for (const e of result.exemptions)
      out.push(
        `  ${e.server}${e.who ? ` ${e.who}` : ""}: ${e.explanation}; rule ${e.rule}${cite(e.sources)}`,
      );
  }

  if (result.findings.length > 0) {
    out.push("", "Findings");
    for (const f of result.findings) {
      out.push(`  ${f.severity.toUpperCase()} ${f.code}: ${f.message}${servingText(f)}`);
      out.push(`      rule ${f.rule}${cite(f.sources)}${f.remedy ? `; remedy: ${f.remedy}` : ""}`);
    }
  }
  if (result.assumptions.length > 0) {
    out.push("", "Assumptions used (the reference marks these UNCONFIRMED)");
    for (const a of result.assumptions)
      out.push(
        `  ${a.id} = ${String(a.value)}${a.overridden ? ` (overridden; default ${String(a.default)})` : " (default)"}: ${a.text}${cite(a.sources)}`,
      );
  }
  return `${out.join("\n")}\n`;
}

function servingText(f: EvaluationResult["findings"][number]): string {
  const text = describeServingEditions(f);
  return text === undefined ? "" : `. ${text}`;
}

function renderFamily(
  f: FamilyResult,
  money: (m: number | null) => string,
  cite: (s: readonly string[]) => string,
): string[] {
  const out: string[] = [];
  const o = f.optimisation;
  out.push(`${f.name}${f.additiveTo ? ` (additive to ${f.additiveTo})` : ""}`);
  const needs = f.required
    .map((r) => `${r.count} ${r.type} CAL${r.count === 1 ? "" : "s"} ${r.version}`)
    .join(", ");
  out.push(`  Needed: ${needs || "none"}`);
  for (const r of f.required.filter((x) => x.shortfall > 0))
    out.push(
      `  Short: ${r.shortfall} ${r.type} ${r.version} (owned cover ${r.coveredByOwned} of ${r.count})`,
    );
  for (const p of f.owned)
    out.push(
      `  Owned: ${p.quantity} ${p.type === "either" ? "user-or-device" : p.type} ${p.version} (${p.source}): ${p.used} used, ${p.surplus} spare`,
    );
  for (const c of f.externalConnectors)
    out.push(
      `  External Connector on ${c.server}: ${c.chosen ? "yes" : "no"} (${c.externalUsers} external users${c.owned ? ", owned" : `, ${money(c.price)}`})`,
    );
  const list = (type: "user" | "device") => {
    const hs = f.holders.filter((h) => h.type === type);
    if (hs.length === 0) return undefined;
    const shown = hs
      .slice(0, 12)
      .map((h) => `${h.id} (${h.version}+)`)
      .join(", ");
    return `  ${type === "user" ? "User" : "Device"} CALs (version needed, or later) for ${hs.length}: ${shown}${hs.length > 12 ? `, … ${hs.length - 12} more (see --json)` : ""}`;
  };
  for (const line of [list("user"), list("device")]) if (line) out.push(line);
  const cert = o.certificate;
  out.push(
    `  Optimiser: ${o.exactness}; ${o.method}; tie-break ${o.tieBreak}; certificate: max flow ${cert.maxFlow} = cut ${cert.cutCapacity} over ${cert.nodes} nodes, ${cert.arcs} arcs, ${cert.verified ? "verified" : `NOT VERIFIED: ${cert.problems.join("; ")}`}`,
  );
  out.push(`  Rules: ${f.rules.join(", ")}${cite(f.sources)}`);
  return out;
}
