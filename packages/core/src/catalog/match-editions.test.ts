import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { matchEditions } from "./match-editions.ts";

const editions = [
  { id: "ws2012-standard", name: "Windows Server 2012 Standard" },
  { id: "ws2012-datacenter", name: "Windows Server 2012 Datacenter" },
  { id: "wss2012-standard", name: "Windows Storage Server 2012 Standard" },
  { id: "ws2012r2-standard", name: "Windows Server 2012 R2 Standard" },
  { id: "ws2012r2-datacenter", name: "Windows Server 2012 R2 Datacenter" },
  { id: "sbs2011-essentials", name: "Windows Small Business Server 2011 Essentials" },
  { id: "ws2016-standard", name: "Windows Server 2016 Standard" },
  { id: "ws2022-essentials", name: "Windows Server 2022 Essentials" },
  { id: "ws2025-standard", name: "Windows Server 2025 Standard" },
];
const ids = (search: string) => matchEditions(editions, search).map((e) => e.id);

test("every word typed must appear, in any order, as before", () => {
  assert.deepEqual(ids("2022 ess"), ["ws2022-essentials"]);
  assert.deepEqual(ids("standard r2 2012"), ["ws2012r2-standard"]);
  assert.deepEqual(
    ids(""),
    editions.map((e) => e.id),
  );
});

test("a misspelt word or an abbreviation finds the edition the agent meant", () => {
  assert.deepEqual(ids("2012 r2 standrad"), ["ws2012r2-standard"]);
  assert.deepEqual(ids("2012 R2 std"), ["ws2012r2-standard"]);
  assert.deepEqual(ids("2012 r2 datacentre"), ["ws2012r2-datacenter"]);
  assert.deepEqual(ids("2012 dc"), ["ws2012-datacenter", "ws2012r2-datacenter"]);
  assert.deepEqual(ids("sbs essentails"), ["sbs2011-essentials"]);
});

test("numbers match only as typed: 2016 never finds 2012, and nonsense finds nothing", () => {
  assert.deepEqual(ids("2016"), ["ws2016-standard"]);
  assert.deepEqual(ids("2019 standard"), []);
  assert.deepEqual(ids("qwerty"), []);
});

test("exact matches come first, so Enter picks what was typed before a near miss", () => {
  // "standar" is the start of Standard (exact); "Storage" is not near it.
  assert.deepEqual(ids("2012 standar").slice(0, 3), [
    "ws2012-standard",
    "wss2012-standard",
    "ws2012r2-standard",
  ]);
  const near = [
    { id: "near", name: "Server Standart" },
    { id: "exact", name: "Server Standard" },
  ];
  assert.deepEqual(
    matchEditions(near, "standard").map((e) => e.id),
    ["exact", "near"],
  );
});

test("every edition whose name holds all the words typed is found (the former matcher, as oracle)", () => {
  const former = (search: string) => {
    const words = search
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== "");
    return editions.filter((p) =>
      words.every((w) => p.name.toLowerCase().includes(w) || p.id.includes(w)),
    );
  };
  const word = fc.oneof(
    fc.constantFrom(...editions.flatMap((e) => e.name.toLowerCase().split(" "))),
    fc.string({ maxLength: 6 }),
  );
  fc.assert(
    fc.property(fc.array(word, { maxLength: 3 }), (words) => {
      const search = words.join(" ");
      const found = matchEditions(editions, search);
      for (const e of former(search)) assert.ok(found.includes(e), `${search} lost ${e.id}`);
      assert.deepEqual(found.slice(0, former(search).length), former(search));
    }),
  );
});
