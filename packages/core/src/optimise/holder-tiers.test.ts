import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { HolderTiers } from "./holder-tiers.ts";

/** What a `Map` from name to tier does under the same changes: the reference `HolderTiers` stands for. */
function applyToMap(map: Map<string, number>, name: string, tier: number): void {
  if (tier < 0) map.delete(name);
  else map.set(name, tier);
}

function assertSame(tiers: HolderTiers, map: Map<string, number>, names: readonly string[]): void {
  assert.equal(tiers.size, map.size);
  assert.deepEqual([...tiers], [...map]);
  assert.deepEqual([...tiers.entries()], [...map.entries()]);
  assert.deepEqual([...tiers.keys()], [...map.keys()]);
  assert.deepEqual([...tiers.values()], [...map.values()]);
  const seen: [string, number][] = [];
  tiers.forEach((tier, name, self) => {
    assert.equal(self, tiers);
    seen.push([name, tier]);
  });
  assert.deepEqual(seen, [...map]);
  assert.deepEqual(new Map(tiers), map);
  for (const name of [...names, "not a holder"]) {
    assert.equal(tiers.get(name), map.get(name));
    assert.equal(tiers.has(name), map.has(name));
  }
  for (let h = 0; h < names.length; h++)
    assert.equal(tiers.tierAt(h), map.get(names[h] as string) ?? -1);
}

test("property: HolderTiers iterates, counts and looks up as the Map of its tiers, after any changes", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -1, max: 3 }), { maxLength: 12 }).chain((start) =>
        fc.record({
          start: fc.constant(start),
          rounds: fc.array(
            fc.array(
              fc.tuple(
                fc.integer({ min: 0, max: Math.max(0, start.length - 1) }),
                fc.integer({ min: -1, max: 3 }),
              ),
              { maxLength: 6 },
            ),
            { maxLength: 4 },
          ),
        }),
      ),
      ({ start, rounds }) => {
        const names = start.map((_, h) => `H${h}`);
        let tiers = new HolderTiers(names, Int32Array.from(start));
        // The reference: a Map filled in holder order, as the cut's names were.
        const map = new Map<string, number>();
        start.forEach((tier, h) => {
          if (tier >= 0) map.set(names[h] as string, tier);
        });
        assertSame(tiers, map, names);
        for (const round of rounds) {
          if (names.length === 0) break;
          // One round of changes is a Map of them: the last change of a holder wins, at its first place.
          const changes = new Map<number, number>();
          for (const [h, tier] of round) changes.set(h, tier);
          tiers = tiers.withChanges(changes);
          for (const [h, tier] of changes) applyToMap(map, names[h] as string, tier);
          assertSame(tiers, map, names);
        }
      },
    ),
    { numRuns: 2_000 },
  );
});

test("withChanges leaves the tiers it was made from as they were", () => {
  const names = ["A", "B", "C"];
  const first = new HolderTiers(names, Int32Array.from([0, -1, 2]));
  const second = first.withChanges(
    new Map([
      [1, 1],
      [0, -1],
    ]),
  );
  assert.deepEqual(
    [...first],
    [
      ["A", 0],
      ["C", 2],
    ],
  );
  // B was not a holder: it goes last, as a Map appends a new key.
  assert.deepEqual(
    [...second],
    [
      ["C", 2],
      ["B", 1],
    ],
  );
  // A taken away and given back goes last too.
  assert.deepEqual(
    [...second.withChanges(new Map([[0, 1]]))],
    [
      ["C", 2],
      ["B", 1],
      ["A", 1],
    ],
  );
});
