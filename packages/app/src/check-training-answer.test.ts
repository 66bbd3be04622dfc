import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { checkTrainingAnswer } from "./check-training-answer.ts";
import { createTrainingExercise } from "./training-exercise.ts";

const catalog = loadCatalog();

test("the same seed gives the same exercise, asked in plain words", () => {
  const a = createTrainingExercise(catalog, 42);
  assert.deepEqual(createTrainingExercise(catalog, 42), a);
  assert.match(
    a.prompt,
    /^A customer buys Windows Server \d{4} Standard for \d+ staff.*: which CALs, and how many\?$/,
  );
});

test("staff sharing PCs: device CALs are right, user CALs wrong, each explained with rules and sources", () => {
  const question = {
    product: "ws2012-standard",
    users: 12,
    devices: 5,
    sharedDevices: 5,
    rds: false,
  };
  const right = checkTrainingAnswer({
    question,
    answer: { cals: [{ family: "ws-cal", type: "device", count: 5 }] },
    catalog,
  });
  assert.equal(right.correct, true);
  assert.ok(right.rules.length > 0 && right.sources.length > 0);
  const wrong = checkTrainingAnswer({
    question,
    answer: { cals: [{ family: "ws-cal", type: "user", count: 12 }] },
    catalog,
  });
  assert.equal(wrong.correct, false);
  assert.deepEqual(
    wrong.expected.map((e) => [e.family, e.type, e.count]),
    [["ws-cal", "device", 5]],
  );
});

test("every generated exercise has one cheapest answer, which the checker accepts", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const { question } = createTrainingExercise(catalog, seed);
    const verdict = checkTrainingAnswer({ question, answer: { cals: [] }, catalog });
    assert.equal(verdict.correct, false);
    const again = checkTrainingAnswer({ question, answer: { cals: verdict.expected }, catalog });
    assert.equal(again.correct, true, `seed ${seed}`);
  }
});
