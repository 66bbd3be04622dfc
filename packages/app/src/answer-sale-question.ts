import {
  CalwiseError,
  type Catalog,
  type EvaluationResult,
  evaluateDeployment,
  type Finding,
  type InputProblem,
  type PriceList,
  validateWithSchema,
} from "@calwise/core";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";
import { type SaleQuestion, saleQuestionSchema } from "./sale-question.ts";

/** What answering a sale question takes: the question as data, the catalog, and the price list in force. */
export interface AnswerSaleQuestionInput {
  readonly question: unknown;
  readonly catalog: Catalog;
  /** The organisation's price list; without one the answer counts CALs but names no packs or price. */
  readonly prices?: PriceList;
}

/** One CAL line of the answer: how many CALs of a family, version and type the customer needs. */
export interface SaleCalLine {
  readonly family: string;
  readonly name: string;
  readonly version: string;
  readonly type: "user" | "device";
  readonly count: number;
}

/** The point-of-sale answer: the engine's evaluation, the CAL lines, the sentence to say, the edition warning. */
export interface SaleAnswer {
  readonly question: SaleQuestion;
  /** The deployment the question stands for, as a deployment document (what a quote would be made from). */
  readonly deployment: Record<string, unknown>;
  readonly result: EvaluationResult;
  readonly cals: readonly SaleCalLine[];
  /** One plain sentence an agent can say to the customer. */
  readonly sentence: string;
  /** The edition-limit findings, each naming the editions that can serve (`remedyEditions`). */
  readonly editionWarnings: readonly Finding[];
}

/**
 * The one server of a sale, named like a host so the quote it becomes reads "Server NEW-SERVER: 1 × 16-core
 * licence" (it read "Server this server: …") and a warning "… serves at most 25 users; NEW-SERVER has 30".
 */
export const saleServerName = "NEW-SERVER";

const editionCodes = new Set([
  "EDITION_USER_LIMIT",
  "EDITION_DEVICE_LIMIT",
  "EDITION_PROCESSOR_LIMIT",
  "EDITION_CORE_LIMIT",
  "EDITION_VM_LIMIT",
]);

/**
 * Turns the counts into a deployment: each personal device belongs to one member of staff (round robin when
 * there are more devices than staff); staff without a personal device work on the shared devices in turn
 * (on the personal ones when nothing is shared). Every pair connects to the one server sold.
 */
function buildDeployment(question: SaleQuestion): Record<string, unknown> {
  const personal = question.devices - question.sharedDevices;
  const users = Array.from({ length: question.users }, (_, i) => `staff${i + 1}`);
  const devices = Array.from({ length: question.devices }, (_, i) =>
    i < personal ? `pc${i + 1}` : `shared${i - personal + 1}`,
  );
  const pairs = new Set<string>();
  for (let d = 0; d < personal && users.length > 0; d++)
    pairs.add(`${users[d % users.length]}|${devices[d]}`);
  const pool = question.sharedDevices > 0 ? devices.slice(personal) : devices.slice(0, personal);
  for (let u = personal; u < users.length && pool.length > 0; u++)
    pairs.add(`${users[u]}|${pool[(u - personal) % pool.length]}`);
  // Shared devices nobody was given in turn are still used by the staff who share.
  if (question.sharedDevices > 0 && users.length > 0)
    for (let s = 0; s < question.sharedDevices; s++) {
      const sharer = users[Math.min(personal + s, users.length - 1)];
      pairs.add(`${sharer}|${devices[personal + s]}`);
    }
  const service = question.rds ? "rds" : undefined;
  const server = saleServerName;
  const accesses: { user?: string; device?: string; server: string; service?: string }[] = [
    ...pairs,
  ].map((pair) => {
    const [user, device] = pair.split("|");
    return { user, device, server, ...(service === undefined ? {} : { service }) };
  });
  if (question.sqlProduct !== undefined)
    for (const pair of pairs) {
      const [user, device] = pair.split("|");
      accesses.push({ user, device, server, service: "sql" });
    }
  // With no staff named, the devices connect on their own: unattended devices need device CALs.
  if (users.length === 0)
    for (const device of devices) accesses.push({ user: undefined, device, server });
  return {
    name: "point of sale",
    servers: [
      {
        name: saleServerName,
        product: question.product,
        ...(question.sqlProduct === undefined ? {} : { applications: [question.sqlProduct] }),
      },
    ],
    users,
    devices: users.length === 0 ? devices.map((id) => ({ id, unattended: true })) : devices,
    accesses: accesses.map((a) =>
      a.user === undefined ? { device: a.device, server: a.server } : a,
    ),
  };
}

function countWord(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function writeSentence(
  question: SaleQuestion,
  result: EvaluationResult,
  cals: SaleCalLine[],
  editionName: string,
  warnings: readonly Finding[],
) {
  if (warnings.length > 0) {
    const serving = warnings[0]?.remedyEditions ?? [];
    const instead =
      serving.length > 0
        ? `sell ${serving.map((e) => e.name).join(" or ")} instead`
        : "no edition of the catalog can serve them on one server";
    return `${editionName} cannot serve ${countWord(question.users, "member of staff", "staff")} on ${countWord(question.devices, "device", "devices")}: ${instead}.`;
  }
  if (cals.length === 0)
    return question.users + question.devices === 0
      ? "Tell me how many staff and devices will connect, and I will name the CALs."
      : "This server needs no CALs for the staff and devices you named.";
  const parts = cals.map((line) => {
    // "Windows Server CAL", 2022, user → "a Windows Server 2022 user CAL".
    const label = `${line.name.replace(/ CAL$/, "")} ${line.version}`;
    if (line.type === "user")
      return `each of your ${countWord(line.count, "member of staff", "staff")} needs a ${label} user CAL to connect`;
    const shared =
      question.sharedDevices > 0 ? " (shared devices need one each, not one per person)" : "";
    return `each of your ${countWord(line.count, "device", "devices")} needs a ${label} device CAL${shared}`;
  });
  const packs = result.purchases
    .flatMap((p) => p.packs)
    .map((pack) => `${pack.count} × ${pack.size === 1 ? "single CAL" : `${pack.size}-pack`}`);
  const buy = packs.length > 0 ? `: ${packs.join(" + ")}` : "";
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${buy}.`;
}

/**
 * The point-of-sale use case: a sale question (edition, staff, devices, sharing, RDS/SQL) is made into a
 * deployment and evaluated by the engine with the price list in force; the answer carries the CAL lines, one
 * sentence for the customer, and the edition warnings with the editions that can serve. Nothing is stored.
 */
export function answerSaleQuestion(input: AnswerSaleQuestionInput): SaleAnswer {
  const parsed = validateWithSchema(saleQuestionSchema, input.question);
  if (!parsed.success)
    throw new CalwiseError("INPUT_INVALID", "the question is not valid", parsed.problems);
  const question = parsed.value;
  const problems: InputProblem[] = [];
  const product = input.catalog.products.get(question.product);
  if (product === undefined || product.kind !== "operating-system")
    problems.push({
      code: "UNKNOWN_REFERENCE",
      path: "product",
      message: "not a Windows Server edition of the catalog",
      received: question.product,
    });
  const sql =
    question.sqlProduct === undefined ? undefined : input.catalog.products.get(question.sqlProduct);
  if (question.sqlProduct !== undefined && sql?.services?.sql === undefined)
    problems.push({
      code: "UNKNOWN_REFERENCE",
      path: "sqlProduct",
      message: "not a SQL Server edition of the catalog",
      received: question.sqlProduct,
    });
  if (question.sharedDevices > question.devices)
    problems.push({
      code: "SCHEMA",
      path: "sharedDevices",
      message: "more shared devices than devices",
      expected: `at most ${question.devices}`,
      received: String(question.sharedDevices),
    });
  if (problems.length > 0)
    throw new CalwiseError("INPUT_INVALID", "the question is not valid", problems);
  const deployment = buildDeployment(question);
  const resolved = resolveDeploymentDocument(
    { name: "question", data: deployment },
    input.catalog,
    input.prices,
  );
  const result = evaluateDeployment(resolved, input.catalog);
  const cals = result.families.flatMap((family) =>
    family.required
      .filter((r) => r.count > 0)
      .map((r) => ({
        family: family.family,
        name: family.name,
        version: r.version,
        type: r.type,
        count: r.count,
      })),
  );
  const editionWarnings = result.findings.filter((f) => editionCodes.has(f.code));
  return {
    question,
    deployment,
    result,
    cals,
    sentence: writeSentence(
      question,
      result,
      cals,
      product?.name ?? question.product,
      editionWarnings,
    ),
    editionWarnings,
  };
}
