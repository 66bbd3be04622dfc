import assert from "node:assert/strict";
import { test } from "node:test";
import { TrailList } from "@calwise/app";
import fc from "fast-check";
import { formatJsonBytes, formatJsonChunks } from "./format-json-chunks.ts";

test("the pieces join to JSON.stringify(value, null, 2), whatever the value", () => {
  const values = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined))),
    fc.dictionary(
      fc.string(),
      fc.array(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.string()))),
    ),
  );
  fc.assert(
    fc.property(values, (value) => {
      assert.equal([...formatJsonChunks(value)].join(""), JSON.stringify(value, null, 2));
    }),
  );
});

test("a list of a hundred thousand entries comes in many pieces of about 64 KB at most", () => {
  const result = {
    schemaVersion: 1,
    countedUsers: Array.from({ length: 100_000 }, (_, i) => ({
      id: `u${i}`,
      accesses: [{ a: i }],
    })),
  };
  const pieces = [...formatJsonChunks(result)];
  // About 6 MB of text: its elements gathered into pieces of 64 KB and one element more at most.
  assert.ok(pieces.length > 50);
  assert.ok(pieces.every((piece) => piece.length < 66_000));
  assert.equal(pieces.join(""), JSON.stringify(result, null, 2));
});

test("long arrays inside objects, undefined fields, functions in arrays, toJSON, Maps", () => {
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
    withHoles: [...Array.from({ length: 70 }, (_, k) => (k % 3 === 0 ? undefined : k)), () => 1],
    when: new Date(0),
    map: new Map([["a", 1]]),
    nested: { deeper: { list: Array.from({ length: 100 }, (_, k) => ({ k })) } },
  };
  assert.equal([...formatJsonChunks(value)].join(""), JSON.stringify(value, null, 2));
});

test("a long list inside a short one (an evaluation's families[0].holders) comes in pieces too", () => {
  const value = { families: [{ holders: Array.from({ length: 5_000 }, (_, k) => ({ k })) }] };
  const pieces = [...formatJsonChunks(value)];
  // About 150 KB of holder lines: three pieces or more, none much over 64 KB.
  assert.ok(pieces.length >= 3);
  assert.ok(pieces.every((piece) => piece.length < 66_000));
  assert.equal(pieces.join(""), JSON.stringify(value, null, 2));
});

test("a TrailList is written as the array it stands for, each entry made only as it is written", () => {
  let made = 0;
  const list = (length: number) =>
    new TrailList(length, function* () {
      for (let i = 0; i < length; i++) {
        made++;
        yield { id: `u${i}`, accesses: Array.from({ length: i % 70 }, (_, k) => ({ k })) };
      }
    });
  for (const length of [0, 1, 64, 65, 500]) {
    const value = { before: 1, countedUsers: list(length), after: [list(length)] };
    const expected = JSON.stringify(value, null, 2);
    const pieces = formatJsonChunks(value);
    made = 0;
    const first = pieces.next();
    assert.equal(made, 0, "an entry was made before any was written");
    const text = (first.value as string) + [...pieces].join("");
    assert.equal(text, expected);
    assert.equal(made, 2 * length);
  }
});

test("the byte pieces are the same text as UTF-8, whatever the value and however long its parts", () => {
  const text = fc.string({ unit: "binary", maxLength: 40 });
  const values = fc.oneof(
    fc.jsonValue({ stringUnit: "binary" }),
    fc.dictionary(text, fc.array(fc.dictionary(text, fc.oneof(fc.jsonValue(), text)))),
    fc.array(fc.record({ id: text, n: fc.integer() }), { minLength: 60, maxLength: 200 }),
  );
  fc.assert(
    fc.property(values, (value) => {
      const bytes = Buffer.concat([...formatJsonBytes(value)]);
      assert.equal(bytes.toString("utf8"), JSON.stringify(value, null, 2));
    }),
  );
  // Parts longer than a piece's room (a string of 2 MB, lone surrogates, four-byte characters) and many
  // pieces of about a megabyte.
  const long = {
    big: "é".repeat(700_000),
    odd: "a\ud800b\udc00c😀",
    holders: Array.from({ length: 60_000 }, (_, k) => ({
      id: `U${k}`,
      note: "ü€😀",
      big: k % 20_000 === 0 ? "x".repeat(1_200_000) : "",
    })),
  };
  const pieces = [...formatJsonBytes(long)];
  assert.ok(pieces.length > 3);
  assert.ok(pieces.every((piece) => piece.length <= 3 * 1_200_000 + (1 << 20)));
  assert.equal(Buffer.concat(pieces).toString("utf8"), JSON.stringify(long, null, 2));
});

test("plain data written in place is JSON.stringify's text, and anything else is left to it", () => {
  class Point {
    constructor(readonly x: number) {}
  }
  const odd = [
    -0,
    0.1,
    1e21,
    -5,
    999_999_999,
    1_000_000_000,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "",
    'a"b\\c\n\u0001\u007f\u0080é😀\ud800',
    [],
    {},
    [undefined, () => 1, Symbol("s"), null],
    { a: undefined, b: () => 1, c: Symbol("s") },
    Object.assign(Object.create(null) as object, { n: 1 }),
    new Point(1),
    new Date(0),
    { toJSON: () => "mine" },
    new Map([["a", 1]]),
    { deep: JSON.parse(`${"[".repeat(80)}1${"]".repeat(80)}`) as unknown },
  ];
  const holders = Array.from({ length: 70 }, (_, k) => ({
    id: `U${k}`,
    value: odd[k % odd.length],
    list: [k, odd[(k * 7) % odd.length]],
  }));
  const value = { odd, holders, nested: { holders } };
  assert.equal(
    Buffer.concat([...formatJsonBytes(value)]).toString("utf8"),
    JSON.stringify(value, null, 2),
  );
  assert.throws(() => [...formatJsonBytes({ list: [1n] })], TypeError);
});

test("a long list's elements written in place, or walked where they hold what is not plain data", () => {
  class Point {
    constructor(readonly x: number) {}
  }
  const trail = (length: number) =>
    new TrailList(length, function* () {
      for (let i = 0; i < length; i++) yield { i };
    });
  const kinds = [
    (k: number) => ({ id: `U${k}`, servers: ["S1"], accesses: [k] }),
    (k: number) => ({ id: `U${k}`, inner: trail(k % 80) }),
    (k: number) => ({ id: `U${k}`, at: new Point(k), when: { toJSON: () => `t${k}` } }),
    (k: number) => ({ long: Array.from({ length: 70 + (k % 3) }, (_, j) => ({ j })) }),
    (k: number) => [k, undefined, () => k, new Map([[k, k]])],
  ];
  const value = {
    holders: Array.from({ length: 400 }, (_, k) =>
      (kinds[k % kinds.length] as (k: number) => unknown)(k),
    ),
  };
  const expected = JSON.stringify(value, null, 2);
  assert.equal(Buffer.concat([...formatJsonBytes(value)]).toString("utf8"), expected);
  assert.equal([...formatJsonChunks(value)].join(""), expected);
});
