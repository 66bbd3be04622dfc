import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { deploymentSchema } from "./deployment-schema.ts";
import { isPlainAccessList } from "./is-plain-access-list.ts";

const servers = [{ name: "S", product: "ws2019-standard" }];

/** Access-like records: the schema's fields and one it does not know, with good and bad values. */
const accessLike = fc.record(
  {
    user: fc.oneof(fc.constantFrom("U1", ""), fc.integer(), fc.constant(undefined)),
    device: fc.oneof(fc.constantFrom("D1", ""), fc.constant(null)),
    server: fc.oneof(
      fc.constantFrom("S", ""),
      fc.array(fc.constantFrom("S", "T", ""), { maxLength: 3 }),
      fc.integer(),
    ),
    service: fc.oneof(fc.constantFrom("rds", ""), fc.integer()),
    via: fc.constantFrom("F", ""),
    fromServer: fc.constantFrom("T", ""),
    note: fc.oneof(fc.string(), fc.boolean()),
    colour: fc.string(),
  },
  { requiredKeys: [] },
);

/**
 * Access records with good values only (any field may be left out): lists of the records above are almost never
 * plain (2 in 2,000 runs were, besides the empty list), so these make the property below check something.
 */
const goodAccess = fc.record(
  {
    user: fc.constantFrom("U1", "U2"),
    device: fc.constantFrom("D1", "D2"),
    server: fc.oneof(
      fc.constant("S"),
      fc.array(fc.constantFrom("S", "T"), { minLength: 1, maxLength: 2 }),
    ),
    service: fc.constantFrom("rds", ""),
    via: fc.constant("F"),
    fromServer: fc.constant("T"),
    note: fc.string(),
  },
  { requiredKeys: ["server"] },
);

test("a list taken as it is is one the schema accepts and returns unchanged", () => {
  let taken = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(accessLike, goodAccess), { maxLength: 3 }), (accesses) => {
      if (!isPlainAccessList(accesses)) return;
      if (accesses.length > 0) taken++;
      const parsed = deploymentSchema.safeParse({ servers, accesses });
      assert.ok(parsed.success, JSON.stringify(accesses));
      const defined = (a: object) =>
        Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
      assert.deepEqual(parsed.data.accesses.map(defined), accesses.map(defined));
    }),
    { numRuns: 2_000 },
  );
  assert.ok(taken > 200, `only ${taken} non-empty lists were taken`);
});

test("plain accesses are taken; anything odd is left to the schema", () => {
  assert.ok(isPlainAccessList([]));
  assert.ok(isPlainAccessList([{ user: "U1", device: "D1", server: "S" }]));
  assert.ok(isPlainAccessList([{ device: "D1", server: ["S", "T"], service: "rds", note: "" }]));
  assert.ok(isPlainAccessList([{ fromServer: "T", server: "S" }]));
  assert.ok(!isPlainAccessList(undefined));
  assert.ok(!isPlainAccessList({ user: "U1", server: "S" }));
  assert.ok(!isPlainAccessList([{ server: "S" }]), "no user, device or fromServer");
  assert.ok(!isPlainAccessList([{ user: "", server: "S" }]), "an empty name");
  assert.ok(!isPlainAccessList([{ user: "U1", server: [] }]), "no server");
  assert.ok(!isPlainAccessList([{ user: "U1", server: "S", colour: "red" }]), "an unknown field");
  assert.ok(!isPlainAccessList([{ user: "U1", server: "S" }, null]));
  // biome-ignore lint/suspicious/noSparseArray: a hole in the list is not an access
  assert.ok(!isPlainAccessList([, { user: "U1", server: "S" }]));
  assert.ok(!isPlainAccessList([new Map([["user", "U1"]])]));
});
