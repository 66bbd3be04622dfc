import { type Catalog, ruleSources } from "../catalog/catalog.ts";
import type { Licensing } from "../catalog/catalog-schema.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { InputProblem } from "../errors/input-problem.ts";
import type { EvaluationResult, PurchaseLine } from "../evaluate/evaluation-result-schema.ts";
import { nameServedNeeds } from "../findings/name-served-needs.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { ServerLicenceLine } from "../rules/server-licence-line.ts";
import { countApplicationLicences } from "./count-application-licences.ts";
import { priceLicences } from "./price-licences.ts";
import type { QuoteLine } from "./quote-schema.ts";

/** A quote line before numbering and discounts. */
export type DraftLine = Omit<QuoteLine, "position" | "discount" | "net">;

/**
 * Turns an evaluation into quote lines: per server its licence and its applications' licences (cheapest SKU
 * mix from the list's `product` items), then per CAL family the CALs and External Connectors to buy in the
 * cheapest packs, followed by what needs no purchase: CALs included with a server licence and CALs the
 * customer already owns (zero-price, informational). Anything the list does not price is a problem.
 */
export function buildQuoteLines(
  deployment: ResolvedDeployment,
  evaluation: EvaluationResult,
  catalog: Catalog,
  priceList: PriceList,
  serverPath: (server: string) => string,
): { readonly lines: DraftLine[]; readonly problems: InputProblem[] } {
  const lines: DraftLine[] = [];
  const problems: InputProblem[] = [];
  const applications = countApplicationLicences(deployment, catalog);
  for (const licence of evaluation.serverLicences) {
    const own = applications.filter((a) => a.server === licence.server);
    for (const { line, purchase } of priceLicences([licence, ...own], priceList)) {
      const kind = line === licence ? "server-licence" : "application-licence";
      if (line.quantity === 0) {
        lines.push(
          info(
            "covered-by-host",
            `${line.productName} on ${line.server}`,
            line.explanation,
            0,
            line,
          ),
        );
        continue;
      }
      if (!purchase) {
        problems.push(
          unpriced(
            serverPath(line.server),
            priceList,
            line.productName,
            `${line.quantity} × ${unitName(line, catalog)} for ${line.server}`,
          ),
        );
        continue;
      }
      lines.push(
        ...purchase.packs.map(
          (pack, i): DraftLine => ({
            kind,
            sku: pack.id,
            description: `${line.productName}, ${packName(pack.size, unitName(line, catalog))}`,
            detail:
              i === 0
                ? `Server ${line.server}: ${line.quantity} × ${unitName(line, catalog)}, ${line.explanation}`
                : `Server ${line.server}`,
            quantity: pack.count,
            packSize: pack.size,
            unitPrice: pack.price,
            amount: times(pack.count, pack.price),
            informational: false,
            subject: { server: line.server, product: line.product },
            rule: line.rule,
            sources: line.sources,
          }),
        ),
      );
    }
  }

  for (const family of evaluation.families) {
    for (const purchase of evaluation.purchases.filter((p) => p.family === family.family)) {
      if (purchase.cost === null) {
        problems.push(
          unpriced(
            "priceList",
            priceList,
            purchaseName(purchase, catalog),
            `${purchase.units} units`,
          ),
        );
        continue;
      }
      lines.push(
        ...purchase.packs.map(
          (pack, i): DraftLine => ({
            kind: purchase.kind === "cal" ? "cal" : "external-connector",
            sku: pack.sku,
            description: `${purchaseName(purchase, catalog)}${pack.size === 1 ? "" : `, ${pack.size}-pack`}`,
            detail: i === 0 ? purchaseDetail(purchase) : "",
            quantity: pack.count,
            packSize: pack.size,
            unitPrice: pack.price,
            amount: times(pack.count, pack.price),
            informational: false,
            subject: {
              family: purchase.family,
              version: purchase.version,
              ...(purchase.type ? { type: purchase.type } : {}),
              ...(purchase.server ? { server: purchase.server } : {}),
            },
            rule: purchase.rule,
            sources: purchase.sources,
          }),
        ),
      );
    }
    const name = family.name;
    for (const server of deployment.servers.values()) {
      if (server.spec.runsOn !== undefined) continue;
      for (const inc of server.product.includedCals ?? [])
        if (inc.family === family.family)
          lines.push({
            ...info(
              "included-cals",
              `${name} ${inc.version}: included with the ${server.product.name} licence of ${server.name}`,
              `counted towards the CALs needed (assumption included-cal-type: ${String(deployment.assumptions.get("included-cal-type"))})`,
              inc.quantity,
              {
                server: server.name,
                product: server.product.id,
                family: family.family,
                version: inc.version,
              },
            ),
            rule: "included-cals",
            sources: ruleSources(catalog, "included-cals"),
          });
    }
    for (const owned of deployment.owned)
      if (owned.family === family.family && owned.version !== undefined)
        lines.push({
          ...info(
            "owned-cals",
            `${name} ${owned.version} (${owned.type === "either" ? "user or device" : owned.type}): already owned by the customer`,
            `${owned.source ?? "owned"}; counted towards the CALs needed, not quoted again`,
            owned.quantity,
            {
              family: family.family,
              version: owned.version,
              ...(owned.type ? { type: owned.type } : {}),
            },
          ),
          rule: "cal-per-user-or-device",
          sources: ruleSources(catalog, "cal-per-user-or-device"),
        });
  }
  // Suites and External Connectors the customer owns count too; shown once, after the families.
  for (const owned of deployment.owned) {
    const suite = owned.suite ? catalog.suites.get(owned.suite) : undefined;
    const connector = owned.externalConnector
      ? catalog.externalConnectors.get(owned.externalConnector)
      : undefined;
    if (!suite && !connector) continue;
    lines.push({
      ...info(
        "owned-cals",
        suite
          ? `${suite.name} (${owned.type}): already owned by the customer`
          : `${connector?.name} ${owned.version} for ${owned.server}: already owned by the customer`,
        `${owned.source ?? "owned"}; counted towards the CALs needed, not quoted again`,
        owned.quantity,
        {
          ...(owned.server ? { server: owned.server } : {}),
          family: suite ? suite.id : (connector?.family ?? ""),
          ...(owned.version ? { version: owned.version } : {}),
        },
      ),
      rule: suite ? "suite-single-licence" : "external-connector",
      sources: ruleSources(catalog, suite ? "suite-single-licence" : "external-connector"),
    });
  }
  return { lines, problems };
}

function info(
  kind: DraftLine["kind"],
  description: string,
  detail: string,
  quantity: number,
  subject: ServerLicenceLine | DraftLine["subject"],
): DraftLine {
  const isLicence = "explanation" in subject;
  return {
    kind,
    sku: null,
    description,
    detail,
    quantity,
    packSize: 1,
    unitPrice: 0,
    amount: 0,
    informational: true,
    subject: isLicence ? { server: subject.server, product: subject.product } : subject,
    rule: isLicence ? subject.rule : "",
    sources: isLicence ? subject.sources : [],
  };
}

function unitName(line: ServerLicenceLine, catalog: Catalog): string {
  const licensing: Licensing | undefined = catalog.products.get(line.product)?.licensing;
  switch (line.unit) {
    case "server":
      return "server licence";
    case "processor":
      return "processor licence";
    case "processor-pair":
      return "2-processor licence";
    case "core-pack":
      return `${licensing?.kind === "per-core" ? licensing.coresPerPack : 2}-core pack`;
  }
}

function packName(size: number, unit: string): string {
  return size === 1 ? unit : `${size} × ${unit}`;
}

function purchaseName(purchase: PurchaseLine, catalog: Catalog): string {
  if (purchase.kind === "external-connector") {
    const ec = purchase.connector ? catalog.externalConnectors.get(purchase.connector) : undefined;
    return `${ec?.name ?? purchase.connector} ${purchase.version} for ${purchase.server}`;
  }
  return `${catalog.families.get(purchase.family)?.name ?? purchase.family} ${purchase.version}, ${purchase.type}`;
}

/** A CAL line's detail: what is bought for which needs, e.g. "5 user CALs for 5 users that need version 2019 or later, as 2022 user CALs". */
function purchaseDetail(purchase: PurchaseLine): string {
  if (purchase.kind === "external-connector") return purchase.reason;
  const type = purchase.type ?? "user";
  const extra =
    purchase.overbuy > 0
      ? `; ${purchase.overbuy} more than needed because the packs cost less`
      : "";
  const serves = purchase.serves ?? [];
  return `${purchase.units} ${type} CAL${purchase.units === 1 ? "" : "s"} for ${nameServedNeeds(type, serves, purchase.version)}${extra}`;
}

function unpriced(path: string, list: PriceList, what: string, need: string): InputProblem {
  return {
    code: "PRICE_MISSING",
    path,
    message: `the price list ${list.name}${list.version ? ` ${list.version}` : ""} has no price for ${what} (needed: ${need})`,
    expected: `a price item for ${what}`,
    received: "no such item",
  };
}

function times(count: number, price: number): number {
  const amount = count * price;
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`${count} × ${price} minor units is not exact`);
  return amount;
}
