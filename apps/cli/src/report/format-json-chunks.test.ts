import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { formatJsonChunks } from "./format-json-chunks.ts";

const joined = (value: unknown) => [...formatJsonChunks(value)].join("");

test("formatJsonChunks", async (t) => {
  await t.test("joined, the chunks are JSON.stringify(value, null, 2) for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(joined(value), JSON.stringify(value, null, 2));
      }),
    );
  });

  await t.test(
    "long arrays inside objects, undefined fields, functions in arrays, toJSON, Maps",
    () => {
      const holders = Array.from({ length: 300 }, (_, index) => ({
        id: `U${index}`,
        note: index % 7 === 0 ? undefined : "x\ny",
        servers: ["A", "B"],
        accesses: Array.from({ length: index % 90 }, (_, k) => k),
      }));
      const value = {
        schemaVersion: 1,
        skipped: undefined,
        families: [{ family: "ws-cal", holders, empty: [], nothing: {} }],
        withHoles: [
          ...Array.from({ length: 70 }, (_, k) => (k % 3 === 0 ? undefined : k)),
          () => 1,
        ],
        when: new Date(0),
        map: new Map([["a", 1]]),
        nested: { deeper: { list: Array.from({ length: 100 }, (_, k) => ({ k })) } },
      };
      assert.equal(joined(value), JSON.stringify(value, null, 2));
    },
  );

  await t.test("a long array inside a short one (families[0].holders) is walked too", () => {
    const value = { families: [{ holders: Array.from({ length: 5_000 }, (_, k) => ({ k })) }] };
    const chunks = [...formatJsonChunks(value)];
    assert.ok(chunks.length > 1);
    assert.equal(chunks.join(""), JSON.stringify(value, null, 2));
  });

  await t.test("a large array comes out in several chunks, none of them the whole text", () => {
    const value = {
      rows: Array.from({ length: 20_000 }, (_, index) => ({ index, name: `row ${index}` })),
    };
    const chunks = [...formatJsonChunks(value)];
    assert.ok(chunks.length > 10);
    assert.equal(chunks.join(""), JSON.stringify(value, null, 2));
  });
});
