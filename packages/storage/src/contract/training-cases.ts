import assert from "node:assert/strict";
import { test } from "node:test";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const question = {
  product: "ws2022-standard",
  users: 12,
  devices: 5,
  sharedDevices: 5,
  rds: false,
};

/** Training scenarios and attempts, scores per agent, the organisation's logo, the dashboard's quotes. */
export function defineTrainingCases(harness: ContractHarness): void {
  test("training: scenarios are listed until retired; attempts are scored per agent in SQL", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "training");
    const owner = await store.users.create(org.id, {
      email: "o@x.example",
      displayName: "Olga Owner",
      role: "owner",
    });
    const agent = await store.users.create(org.id, {
      email: "a@x.example",
      displayName: "Anna Agent",
      role: "sales",
    });
    const scenario = await store.trainingScenarios.create(org.id, {
      title: "The dental practice",
      question,
      note: "Ask about the reception PC.",
      createdBy: owner.id,
    });
    assert.deepEqual(scenario.question, question);
    assert.equal(scenario.retiredAt, null);
    assert.deepEqual(await store.trainingScenarios.list(org.id), [scenario]);
    const attempts = [
      { userId: agent.id, kind: "seed" as const, seed: 7, correct: false },
      { userId: agent.id, kind: "seed" as const, seed: 7, correct: true },
      { userId: agent.id, kind: "scenario" as const, scenarioId: scenario.id, correct: true },
      { userId: owner.id, kind: "question" as const, correct: false },
    ];
    const recorded = [];
    for (const attempt of attempts)
      recorded.push(
        await store.trainingAttempts.record(org.id, {
          ...attempt,
          question,
          answer: { cals: [{ family: "ws-cal", type: "device", count: 5 }] },
        }),
      );
    assert.equal(recorded[1]?.correct, true);
    assert.equal(recorded[0]?.seed, 7);
    assert.deepEqual(recorded[2]?.question, question);
    const last = recorded[2]?.at ?? "";
    assert.deepEqual(await store.trainingAttempts.score(org.id), [
      {
        userId: agent.id,
        displayName: "Anna Agent",
        email: "a@x.example",
        attempts: 3,
        right: 2,
        lastAttemptAt: last,
      },
      {
        userId: owner.id,
        displayName: "Olga Owner",
        email: "o@x.example",
        attempts: 1,
        right: 0,
        lastAttemptAt: recorded[3]?.at ?? "",
      },
    ]);
    assert.deepEqual(
      (await store.trainingAttempts.score(org.id, { userId: owner.id })).map((s) => s.attempts),
      [1],
    );
    assert.deepEqual(await store.trainingAttempts.score(org.id, { before: "2000-01-01" }), []);
    assert.equal((await store.trainingAttempts.list(org.id, { userId: agent.id })).length, 3);

    const retired = await store.trainingScenarios.retire(org.id, scenario.id);
    assert.ok(retired?.retiredAt);
    assert.equal(
      (await store.trainingScenarios.retire(org.id, scenario.id))?.retiredAt,
      retired.retiredAt,
      "retiring again changes nothing",
    );
    assert.deepEqual(await store.trainingScenarios.list(org.id), []);
    assert.deepEqual(await store.trainingScenarios.list(org.id, { includeRetired: true }), [
      retired,
    ]);
    await assert.rejects(
      store.trainingAttempts.record(org.id, {
        userId: agent.id,
        kind: "scenario",
        question,
        answer: {},
        correct: true,
      }),
      "a scenario attempt names its scenario",
    );

    const other = await createTestOrganisation(store, "training-other");
    assert.equal(await store.trainingScenarios.get(other.id, scenario.id), undefined);
    assert.equal(await store.trainingScenarios.retire(other.id, scenario.id), undefined);
    assert.deepEqual(await store.trainingScenarios.list(other.id, { includeRetired: true }), []);
    assert.deepEqual(await store.trainingAttempts.score(other.id), []);
    await assert.rejects(
      store.trainingAttempts.record(other.id, {
        userId: agent.id,
        kind: "question",
        question,
        answer: {},
        correct: true,
      }),
      "another organisation's user cannot be named",
    );
  });

  test("branding: the logo's bytes come back exactly; saving again replaces it; one organisation only", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "branding");
    const other = await createTestOrganisation(store, "branding-other");
    assert.equal(await store.branding.getLogo(org.id), undefined);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 1]);
    const saved = await store.branding.saveLogo(org.id, { bytes: png, mediaType: "image/png" });
    assert.deepEqual(saved.bytes, png);
    assert.deepEqual(await store.branding.getLogo(org.id), saved);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await store.branding.saveLogo(org.id, { bytes: jpeg, mediaType: "image/jpeg" });
    const read = await store.branding.getLogo(org.id);
    assert.deepEqual(read?.bytes, jpeg);
    assert.equal(read?.mediaType, "image/jpeg");
    assert.equal(await store.branding.getLogo(other.id), undefined);
    await assert.rejects(
      store.branding.saveLogo(org.id, {
        bytes: png,
        mediaType: "image/svg+xml" as "image/png",
      }),
      "the database refuses any other media type",
    );
  });

  test("dashboard: the quotes created or issued in a period, oldest first", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "dashboard");
    const draft = await store.quotes.createDraft(org.id, {
      currency: "EUR",
      totalMinor: 100,
      document: {},
    });
    const issued = await store.quotes.createDraft(org.id, {
      currency: "USD",
      totalMinor: 200,
      document: {},
    });
    await store.quotes.issue(org.id, issued.id);
    const month = draft.createdAt.slice(0, 7);
    const all = await store.quotes.listOfPeriod(org.id, month, "9999");
    assert.deepEqual(
      all.map((q) => [q.id, q.status]),
      [
        [draft.id, "draft"],
        [issued.id, "issued"],
      ],
    );
    assert.deepEqual(await store.quotes.listOfPeriod(org.id, "2000-01", month), []);
    const other = await createTestOrganisation(store, "dashboard-other");
    assert.deepEqual(await store.quotes.listOfPeriod(other.id, "2000-01", "9999"), []);
  });
}
