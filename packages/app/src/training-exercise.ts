import type { Catalog } from "@calwise/core";
import type { SaleQuestion } from "./sale-question.ts";

/** A sales-training exercise: a counter question and the prompt that asks it. */
export interface TrainingExercise {
  readonly seed: number;
  readonly question: SaleQuestion;
  readonly prompt: string;
}

/** The CAL-requiring editions exercises are drawn from (each needs Windows Server CALs; RDS is offered). */
const editions = [
  "ws2012-standard",
  "ws2016-standard",
  "ws2019-standard",
  "ws2022-standard",
  "ws2025-standard",
];

/** mulberry32: a small seeded generator, so an exercise is the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates the exercise for `seed`: staff sharing fewer PCs (device CALs win) or staff with two devices each
 * (user CALs win), sometimes with Remote Desktop, so the cheapest answer is never a tie.
 */
export function createTrainingExercise(catalog: Catalog, seed: number): TrainingExercise {
  const next = random(seed);
  const product = editions[Math.floor(next() * editions.length)] ?? "ws2022-standard";
  const name = catalog.products.get(product)?.name ?? product;
  const users = 3 + Math.floor(next() * 38);
  const shared = next() < 0.5;
  const devices = shared
    ? Math.max(1, Math.floor(users / (2 + Math.floor(next() * 3))))
    : users * 2;
  const rds = next() < 0.3;
  const question: SaleQuestion = {
    product,
    users,
    devices,
    sharedDevices: shared ? devices : 0,
    rds,
  };
  const who = shared
    ? `${users} staff sharing ${devices} PCs`
    : `${users} staff, each with a laptop and a phone`;
  const remote = rds ? ", all working through Remote Desktop on it" : "";
  return {
    seed,
    question,
    prompt: `A customer buys ${name} for ${who}${remote}: which CALs, and how many?`,
  };
}
