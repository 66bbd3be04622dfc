import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import fc from "fast-check";
import { checkCustomerEstate } from "./check-customer-estate.ts";

const catalog = loadCatalog();
const pool = ["ana", "ben", "cai", "dee", "eli", "fay", "gus", "hal"];

/**
 * A deployment of named people from the pool, each on a PC of their own in that deployment, plus `counted`
 * staff given only as a range (U{1..n} on PC{1..n}).
 */
function officeOf(name: string, people: readonly string[], counted: number) {
  const devices = people.map((p) => `${name}-pc-${p}`);
  return {
    name,
    document: {
      servers: [{ name: "FS", product: "ws2019-standard" }],
      users: [...people, ...(counted > 0 ? [`U{1..${counted}}`] : [])],
      devices: [...devices, ...(counted > 0 ? [`PC{1..${counted}}`] : [])],
      accesses: [
        ...people.map((user, i) => ({ user, device: devices[i], server: "FS" })),
        ...(counted > 0
          ? [{ user: `U{1..${counted}}`, device: `PC{1..${counted}}`, server: "FS" }]
          : []),
      ],
    },
  };
}

test("an estate needs one user CAL per distinct named person plus every counted one, against an independent count", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          people: fc.uniqueArray(fc.constantFrom(...pool), { maxLength: pool.length }),
          counted: fc.nat({ max: 4 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      fc.nat({ max: 12 }),
      (offices, owned) => {
        const deployments = offices
          .filter((o) => o.people.length + o.counted > 0)
          .map((o, i) => officeOf(`office ${i + 1}`, o.people, o.counted));
        fc.pre(deployments.length > 0);
        const position = checkCustomerEstate({
          customer: "property",
          deployments,
          entitlements: [
            ...(owned > 0
              ? [
                  {
                    family: "ws-cal",
                    version: "2019",
                    type: "user",
                    quantity: owned,
                    source: "invoice",
                  },
                ]
              : []),
          ],
          catalog,
        });
        // The reference: people are the union of the named, and the sum of the counted (each user CAL covers
        // the person's PCs in every office: cheaper than, or as cheap as, one device CAL per PC).
        const named = new Set(offices.flatMap((o) => o.people));
        const counted = offices.reduce((n, o) => n + o.counted, 0);
        const needed = named.size + counted;
        const inSeveral = [...named].filter(
          (p) => offices.filter((o) => o.people.includes(p)).length > 1,
        );
        assert.equal(
          position.lines.reduce((n, l) => n + l.required, 0),
          needed,
        );
        assert.equal(position.shortfall, Math.max(0, needed - owned));
        assert.equal(position.compliant, needed <= owned);
        assert.equal(position.people.namedInSeveral.users, inSeveral.length);
        assert.equal(position.people.summed.users, counted);
      },
    ),
    { numRuns: 60 },
  );
});

test("an estate with no deployment is INPUT_INVALID, not an empty compliant answer", () => {
  assert.throws(
    () => checkCustomerEstate({ customer: "none", deployments: [], entitlements: [], catalog }),
    /no deployment to check/,
  );
});

test("deployments that set an assumption differently: the estate uses the catalog's default and says so", () => {
  const office = (name: string, scope: string) => ({
    name,
    document: {
      servers: [{ name: "FS", product: "ws2019-standard" }],
      accesses: [{ user: `${name}-user`, server: "FS" }],
      assumptions: { "admin-exemption-scope": scope },
    },
  });
  const agreeing = checkCustomerEstate({
    customer: "agreeing",
    deployments: [office("north", "per-customer"), office("south", "per-customer")],
    entitlements: [],
    catalog,
  });
  const scopeOf = (position: typeof agreeing) =>
    position.result.assumptions.find((a) => a.id === "admin-exemption-scope");
  assert.equal(scopeOf(agreeing)?.value, "per-customer");
  assert.ok(!agreeing.counting.some((note) => note.rule === "assumption-default"));
  const differing = checkCustomerEstate({
    customer: "differing",
    deployments: [office("north", "per-customer"), office("south", "per-server")],
    entitlements: [],
    catalog,
  });
  // The result states an assumption when a file overrides it: the default is not stated as overridden.
  assert.notEqual(scopeOf(differing)?.value, "per-customer");
  assert.notEqual(scopeOf(differing)?.overridden, true);
  assert.match(
    differing.counting.find((note) => note.rule === "assumption-default")?.text ?? "",
    /admin-exemption-scope differently/,
  );
});
