import { rateInBasisPoints, saleQuestionSchema } from "@calwise/app";
import type { TrainingScenario, TrainingScore } from "@calwise/storage";
import { z } from "@hono/zod-openapi";

/** A CAL type as training answers name it. */
export const calTypeSchema = z.enum(["user", "device"]);

/** The CALs a trainee gives (or the engine expects): count per family and type. */
export const trainingCalsSchema = z
  .array(
    z.object({
      family: z.string().min(1).max(100),
      type: calTypeSchema,
      count: z.number().int().min(0).max(100000),
    }),
  )
  .max(20);

/** The seed a generated exercise comes from (the same seed, the same exercise). */
export const seedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

/** The CALs the engine expects: count per family (with its name) and type. */
export const expectedCalsSchema = z.array(
  z.object({
    family: z.string(),
    name: z.string(),
    type: calTypeSchema,
    count: z.number().int(),
  }),
);

/** An exercise: generated from a seed, or one of the organisation's own scenarios. */
export const exerciseSchema = z
  .object({
    kind: z.enum(["seed", "scenario"]),
    seed: z.number().int().nullable().describe("the seed a generated exercise comes from"),
    scenarioId: z.string().nullable().describe("the organisation's scenario it asks"),
    title: z.string().nullable(),
    note: z.string().nullable(),
    question: saleQuestionSchema,
    prompt: z.string(),
  })
  .openapi("TrainingExercise");

/** The engine's verdict on an answer, with the rules and sources behind it. */
export const verdictSchema = z
  .object({
    correct: z.boolean(),
    expected: expectedCalsSchema,
    sentence: z.string(),
    rules: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi("TrainingVerdict");

/** The fields an owner writes a scenario with (the question in the point-of-sale shape). */
export const newScenarioSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    question: saleQuestionSchema,
    note: z.string().trim().max(1000).optional(),
  })
  .openapi("NewTrainingScenario");

/** One of the organisation's own training scenarios. */
export const scenarioSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    question: saleQuestionSchema,
    note: z.string().nullable(),
    createdAt: z.string(),
    retiredAt: z.string().nullable().describe("when it stopped being drawn; null while in use"),
  })
  .openapi("TrainingScenario");

/** A stored scenario as the API shows it. */
export function showScenario(scenario: TrainingScenario): z.output<typeof scenarioSchema> {
  return {
    id: scenario.id,
    title: scenario.title,
    question: scenario.question as z.output<typeof saleQuestionSchema>,
    note: scenario.note,
    createdAt: scenario.createdAt,
    retiredAt: scenario.retiredAt,
  };
}

/** One agent's training score. */
export const trainingScoreSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    attempts: z.number().int(),
    right: z.number().int(),
    rateBasisPoints: z
      .number()
      .int()
      .describe("right / attempts in basis points (10000 = all right), half up"),
    lastAttemptAt: z.string(),
  })
  .openapi("TrainingScore");

/** A stored score as the API shows it. */
export function showScore(score: TrainingScore): z.output<typeof trainingScoreSchema> {
  return {
    userId: score.userId,
    name: score.displayName,
    email: score.email,
    attempts: score.attempts,
    right: score.right,
    rateBasisPoints: rateInBasisPoints(score.right, score.attempts) ?? 0,
    lastAttemptAt: score.lastAttemptAt,
  };
}
