import type { Catalog } from "@calwise/core";
import type { SaleQuestion } from "./sale-question.ts";

/** One of the organisation's own scenarios as stored (the owner's title, question and note). */
export interface OwnScenario {
  readonly id: string;
  readonly title: string;
  readonly question: SaleQuestion;
  readonly note: string | null;
}

/** A training exercise from the organisation's own scenario: its title and note, and the question asked. */
export interface ScenarioExercise {
  readonly scenarioId: string;
  readonly title: string;
  readonly note: string | null;
  readonly question: SaleQuestion;
  readonly prompt: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Asks an owner's scenario the way generated exercises are asked: who connects to which edition (the staff,
 * the devices and how many are shared, Remote Desktop and SQL Server), then "which CALs, and how many?".
 */
export function createScenarioExercise(scenario: OwnScenario, catalog: Catalog): ScenarioExercise {
  const q = scenario.question;
  const name = (id: string) => catalog.products.get(id)?.name ?? id;
  const shared = q.sharedDevices > 0 ? `, ${q.sharedDevices} of them shared` : "";
  const uses = [
    ...(q.rds ? ["Remote Desktop"] : []),
    ...(q.sqlProduct === undefined ? [] : [name(q.sqlProduct)]),
  ];
  const using = uses.length > 0 ? `, using ${uses.join(" and ")} on it` : "";
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    note: scenario.note,
    question: q,
    prompt: `${scenario.title}: a customer buys ${name(q.product)} for ${plural(q.users, "member of staff", "staff")} on ${plural(q.devices, "device", "devices")}${shared}${using}: which CALs, and how many?`,
  };
}
