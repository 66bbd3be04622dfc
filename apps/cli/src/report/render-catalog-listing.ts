import type { CatalogListing } from "@calwise/app";

/**
 * Renders the catalog listing for a terminal: products (licensing, CALs, limits, services), CAL families,
 * External Connectors, suites, rules, assumptions and sources, each with the sources it cites.
 */
export function renderCatalogListing(d: CatalogListing): string {
  const out: string[] = [`calwise catalog ${d.catalogVersion}: ${d.title}`, "", "Products"];
  for (const p of d.products) {
    const cals =
      p.cals.length === 0
        ? "no CALs required"
        : `needs ${p.cals.map((c) => `${c.family} ${c.version}`).join(" + ")}`;
    const included = p.includedCals
      ?.map((c) => `${c.quantity} × ${c.family} ${c.version} included`)
      .join(", ");
    const limits = Object.entries(p.limits ?? {})
      .map(([k, v]) => `max ${typeof v === "number" ? v : `[assumption ${v.assumption}]`} ${k}`)
      .join(", ");
    const services = Object.entries(p.services ?? {})
      .map(([s, r]) => `${s}: +${r.map((c) => `${c.family} ${c.version}`).join(" + ")}`)
      .join("; ");
    out.push(`  ${p.id.padEnd(24)} ${p.name}`);
    out.push(
      `  ${"".padEnd(24)} ${p.licensing.kind}; ${[cals, included, limits, services].filter(Boolean).join("; ")} [${p.sources.join(", ")}]`,
    );
  }
  out.push("", "CAL families (versions oldest first; a CAL covers its version and earlier)");
  for (const f of d.calFamilies)
    out.push(
      `  ${f.id.padEnd(24)} ${f.name}: ${f.versions.join(", ")}${f.additiveTo ? ` (additive to ${f.additiveTo})` : ""} [${f.sources.join(", ")}]`,
    );
  out.push("", "External Connectors");
  for (const c of d.externalConnectors)
    out.push(`  ${c.id.padEnd(24)} ${c.name} for ${c.family} [${c.sources.join(", ")}]`);
  out.push("", "Suites");
  for (const s of d.suites)
    out.push(`  ${s.id.padEnd(24)} ${s.name}: ${s.covers.join(", ")} [${s.sources.join(", ")}]`);
  out.push("", "Rules");
  for (const r of d.rules) out.push(`  ${r.id.padEnd(24)} ${r.text} [${r.sources.join(", ")}]`);
  out.push(
    "",
    "Assumptions (UNCONFIRMED in the reference; override in a deployment's `assumptions`)",
  );
  for (const a of d.assumptions)
    out.push(
      `  ${a.id.padEnd(24)} = ${String(a.default)} (options: ${a.options.join(", ")}): ${a.text} [${a.sources.join(", ")}]`,
    );
  out.push("", "Sources");
  for (const [id, s] of Object.entries(d.sources))
    out.push(`  ${id.padEnd(4)} [${s.strength}] ${s.title}: ${s.url}`);
  return `${out.join("\n")}\n`;
}
