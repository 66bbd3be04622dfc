import { type EditionAdvice, formatMoney } from "@calwise/core";

/**
 * Renders the edition advice for a terminal or an e-mail: the profile, the representative deployment, the
 * legal editions cheapest first with their licences and CALs, the editions ruled out and why (rule and
 * sources), where growth changes the answer, and the assumptions used.
 */
export function renderEditionAdvice(advice: EditionAdvice, locale = "en-GB"): string {
  const money = (minor: number | null) =>
    minor === null || advice.currency === null
      ? "not priced"
      : formatMoney(minor, advice.currency, locale);
  const p = advice.profile;
  const out: string[] = [
    `calwise advise: ${p.users} users, ${p.devices ?? p.users} devices (${p.sharedDevices} shared)` +
      `${p.externalUsers > 0 ? `, ${p.externalUsers} external users` : ""}${p.anonymousWeb ? ", anonymous web" : ""}` +
      `${p.needs.length > 0 ? `, needs ${p.needs.join(", ")}` : ""}; ${p.processors} processor${p.processors === 1 ? "" : "s"}, ${p.virtualMachines} VMs`,
    `catalog ${advice.catalogVersion}; ${advice.priceList ? `prices: ${advice.priceList.name}${advice.priceList.version ? ` ${advice.priceList.version}` : ""} (${advice.currency})` : "no price list: ranked by CALs to buy"}`,
    "",
    "Representative deployment (what every edition was evaluated on)",
    ...advice.representativeDeployment.map((d) => `  ${d}`),
    "",
  ];
  if (advice.ranked.length === 0) out.push("No edition in the catalog can serve this profile.");
  else
    out.push(
      `Editions that can serve it, ${advice.rankedBy === "total" ? "cheapest first" : "fewest CALs to buy first"}`,
    );
  advice.ranked.forEach((o, i) => {
    const setup = o.configuration === "the edition alone" ? "" : `, ${o.configuration}`;
    out.push(
      `  ${i + 1}. ${o.name}${setup}: ${advice.priceList ? money(o.total) : `${o.calUnits} CALs to buy`}`,
    );
    for (const l of o.licences)
      out.push(
        `       ${l.server}: ${l.quantity} × ${l.unit} of ${l.productName}${l.skus.length > 0 ? ` (${l.skus.map((s) => `${s.count} × ${s.sku}`).join(" + ")})` : ""}${advice.priceList ? ` ${money(l.cost)}` : ""}`,
      );
    for (const c of o.cals)
      out.push(
        `       ${c.units} × ${c.name} ${c.version} ${c.type}${c.skus.length > 0 ? ` (${c.skus.map((s) => `${s.count} × ${s.sku}`).join(" + ")})` : ""}${advice.priceList ? ` ${money(c.cost)}` : ""}`,
      );
    for (const inc of o.includedCals)
      out.push(`       included: ${inc.quantity} × ${inc.family} ${inc.version}, ${inc.used} used`);
    if (o.cals.length === 0) out.push("       no CALs to buy");
    for (const u of o.unpriced) out.push(`       not priced: ${u}`);
  });
  if (advice.ruledOut.length > 0) {
    out.push("", "Ruled out");
    for (const r of advice.ruledOut)
      for (const reason of r.reasons)
        out.push(
          `  ${r.name}: ${reason.code}: ${reason.message}${reason.rule ? `; rule ${reason.rule}` : ""} [${reason.sources.join(", ")}]`,
        );
  }
  if (advice.growth) {
    const g = advice.growth;
    out.push("", `Growth from ${g.fromUsers} to ${g.toUsers} users (one personal device each)`);
    if (g.changes.length === 0) out.push("  the advice stays the same all the way");
    for (const c of g.changes)
      out.push(`  at ${c.users} users: ${c.from ?? "none"} → ${c.to ?? "none"}: ${c.because}`);
    for (const e of g.editionsUntil)
      if (e.lastUsers !== null)
        out.push(`  ${e.product} serves up to ${e.lastUsers} users: ${e.reason}`);
  }
  if (advice.assumptions.length > 0) {
    out.push("", "Assumptions used (the reference marks these UNCONFIRMED)");
    for (const a of advice.assumptions)
      out.push(`  ${a.id} = ${String(a.value)}: ${a.text} [${a.sources.join(", ")}]`);
  }
  return `${out.join("\n")}\n`;
}
