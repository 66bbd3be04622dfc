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

/**
 * The most (member of staff, shared device) pairs a question may stand for: 5,000 staff on 50 kiosks answer in
 * about 0.6 s of CPU, asked on every pause in typing; beyond it is an estate, not a sale at the counter.
 */
const maxSharedPairs = 250_000;

const editionCodes = new Set([
  "EDITION_USER_LIMIT",
  "EDITION_DEVICE_LIMIT",
  "EDITION_PROCESSOR_LIMIT",
  "EDITION_CORE_LIMIT",
  "EDITION_VM_LIMIT",
]);

/**
 * Turns the counts into a deployment: each personal device belongs to one member of staff (round robin when
 * there are more devices than staff); every shared device is used by every member of staff, which is what
 * "shared" means at a counter (kiosks, the till PC) and the compliance-safe reading: a user CAL covers only its
 * own user, so a kiosk one person was assumed to use left the others uncovered [R28]. Staff without a personal
 * device work on the personal ones in turn when nothing is shared. Every pair connects to the one server sold.
 * A shared device's accesses are one record with the staff as a range (`staff{1..N}`), so the document stays
 * small however many staff share it (5,000 staff on 50 kiosks are 50 records, not 250,000).
 */
function buildDeployment(question: SaleQuestion): Record<string, unknown> {
  const personal = question.devices - question.sharedDevices;
  const users = Array.from({ length: question.users }, (_, i) => `staff${i + 1}`);
  const devices = Array.from({ length: question.devices }, (_, i) =>
    i < personal ? `pc${i + 1}` : `shared${i - personal + 1}`,
  );
  const pairs: { user: string; device: string }[] = [];
  for (let d = 0; d < personal && users.length > 0; d++)
    pairs.push({ user: users[d % users.length] as string, device: devices[d] as string });
  if (question.sharedDevices === 0)
    for (let u = personal; u < users.length && personal > 0; u++)
      pairs.push({
        user: users[u] as string,
        device: devices[(u - personal) % personal] as string,
      });
  else if (users.length > 0) {
    const everyone = users.length === 1 ? (users[0] as string) : `staff{1..${users.length}}`;
    for (const device of devices.slice(personal)) pairs.push({ user: everyone, device });
  }
  const server = saleServerName;
  const accesses: { user?: string; device?: string; server: string; service?: string }[] = [
    ...pairs.map((pair) => ({ ...pair, server, ...(question.rds ? { service: "rds" } : {}) })),
    ...(question.sqlProduct === undefined
      ? []
      : pairs.map((pair) => ({ ...pair, server, service: "sql" }))),
  ];
  // With no staff named, the devices connect on their own: unattended devices need device CALs.
  if (users.length === 0) for (const device of devices) accesses.push({ device, server });
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
    accesses,
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
    return `each of your ${countWord(line.count, "device", "devices")} needs a ${label} device CAL`;
  });
  const packs = result.purchases
    .flatMap((p) => p.packs)
    .map((pack) => `${pack.count} × ${pack.size === 1 ? "single CAL" : `${pack.size}-pack`}`);
  const buy = packs.length > 0 ? `: ${packs.join(" + ")}` : "";
  // Why shared devices weigh as they do: one person's user CAL does not cover a colleague at the same kiosk.
  const why =
    question.sharedDevices > 0 && question.users > 0
      ? "every staff member may use each shared device, so "
      : "";
  const text = `${why}${parts.join("; ")}`;
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
  if (question.users * question.sharedDevices > maxSharedPairs)
    problems.push({
      code: "SCHEMA",
      path: "sharedDevices",
      message:
        "every member of staff may use each shared device: too many staff × shared devices to answer at the counter",
      expected: `staff × shared devices at most ${maxSharedPairs.toLocaleString("en-US")}`,
      received: `${question.users} × ${question.sharedDevices}`,
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
