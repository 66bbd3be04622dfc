import type { Catalog, PriceList } from "@calwise/core";
import { answerSaleQuestion } from "./answer-sale-question.ts";
import type { SaleQuestion } from "./sale-question.ts";

/** A trainee's answer: how many CALs of each family and type. */
export interface TrainingAnswer {
  readonly cals: readonly {
    readonly family: string;
    readonly type: "user" | "device";
    readonly count: number;
  }[];
}

/** The engine's verdict on a trainee's answer, explained with the rules and sources behind it. */
export interface TrainingVerdict {
  readonly correct: boolean;
  readonly expected: readonly {
    readonly family: string;
    readonly name: string;
    readonly type: "user" | "device";
    readonly count: number;
  }[];
  readonly sentence: string;
  readonly rules: readonly string[];
  readonly sources: readonly string[];
}

const key = (family: string, type: string) => `${family}|${type}`;

/**
 * Checks a training answer with the engine: the question is answered as at the point of sale, with the
 * organisation's own price list in force when it has one (the cheapest mix at its prices) and otherwise
 * unpriced (the fewest CALs); the answer is right when it names the same count per family and type (zero
 * counts may be left out). The verdict carries the engine's sentence and the rules and sources of every
 * family involved.
 */
export function checkTrainingAnswer(input: {
  question: SaleQuestion;
  answer: TrainingAnswer;
  catalog: Catalog;
  /** The organisation's price list in force; none: the fewest CALs are right. */
  prices?: PriceList;
}): TrainingVerdict {
  const answered = answerSaleQuestion({
    question: input.question,
    catalog: input.catalog,
    prices: input.prices,
  });
  const expected = new Map<
    string,
    { family: string; name: string; type: "user" | "device"; count: number }
  >();
  for (const line of answered.cals) {
    const k = key(line.family, line.type);
    const seen = expected.get(k);
    expected.set(k, {
      family: line.family,
      name: line.name,
      type: line.type,
      count: (seen?.count ?? 0) + line.count,
    });
  }
  const given = new Map<string, number>();
  for (const line of input.answer.cals)
    if (line.count > 0)
      given.set(
        key(line.family, line.type),
        (given.get(key(line.family, line.type)) ?? 0) + line.count,
      );
  const correct =
    given.size === expected.size && [...expected].every(([k, line]) => given.get(k) === line.count);
  const families = answered.result.families.filter((f) => f.required.some((r) => r.count > 0));
  return {
    correct,
    expected: [...expected.values()],
    sentence: answered.sentence,
    rules: [...new Set(families.flatMap((f) => f.rules))],
    sources: [...new Set(families.flatMap((f) => f.sources))],
  };
}
