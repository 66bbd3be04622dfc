import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseDocumentText } from "@calwise/core";
import { readTextFile } from "@calwise/node-files";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** Variant (a) of test/estate/X01-estate.yaml: two sites sharing three people, six owned CALs. */
function readTwoSites(): { name: string; document: Record<string, unknown> }[] {
  const path = join(fileURLToPath(new URL("../estate", import.meta.url)), "X01-estate.yaml");
  const parsed = parseDocumentText(readTextFile(path));
  if ("problems" in parsed) throw new Error("X01-estate.yaml does not parse");
  const fixture = parsed.document.data as {
    variants: { deployments: { name: string; document: Record<string, unknown> }[] }[];
  };
  return fixture.variants[0]?.deployments ?? [];
}

/** The six CALs of that variant, as the entitlement import reads them (docs/entitlements.md). */
const sixCals = `invoice,date,family,version,type,quantity,amount,currency
INV-7,2026-02-01,ws-cal,2012,user,6,24000,EUR
`;

interface EstateView {
  entitlements: number;
  position: null | {
    compliant: boolean;
    shortfall: number;
    deployments: { name: string; revision: number | null }[];
    people: { users: number; namedInSeveral: { users: number } };
    lines: {
      family: string;
      version: string;
      type: string;
      required: number;
      coveredByOwned: number;
    }[];
    owned: { quantity: number; source: string }[];
  };
}

/** The customer's estate position (GET /v1/customers/{id}/estate) on a real store. */
export function defineEstateCases(harness: ServiceHarness): void {
  test("estate: two deployments sharing people checked together against the customer's entitlements; each check alone counts only its own CALs", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "estate");
    const s = await signIn(app, org.slug, user.email);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Two sites" }))
    ).json()) as { id: string };
    const estate = async () => {
      const r = await app.request(`/v1/customers/${customer.id}/estate`, asSession(s));
      assert.equal(r.status, 200, await r.clone().text());
      return (await r.json()) as EstateView;
    };
    assert.deepEqual(await estate(), {
      customerId: customer.id,
      entitlements: 0,
      position: null,
    });

    const ids: string[] = [];
    for (const site of readTwoSites()) {
      const r = await app.request(
        `/v1/customers/${customer.id}/deployments`,
        asSession(s, "POST", { document: { name: site.name, ...site.document } }),
      );
      assert.equal(r.status, 201, await r.clone().text());
      ids.push(((await r.json()) as { deployment: { id: string } }).deployment.id);
    }
    const imported = await app.request(`/v1/customers/${customer.id}/entitlements`, {
      method: "POST",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv" },
      body: sixCals,
    });
    assert.equal(imported.status, 201, await imported.clone().text());

    const { entitlements, position } = await estate();
    assert.equal(entitlements, 1);
    assert.ok(position !== null);
    assert.equal(position.compliant, true);
    assert.equal(position.shortfall, 0);
    assert.deepEqual(position.deployments.map((d) => [d.name, d.revision]).sort(), [
      ["Branch", 1],
      ["Head office", 1],
    ]);
    assert.equal(position.people.users, 6);
    assert.equal(position.people.namedInSeveral.users, 3);
    assert.deepEqual(
      position.lines.map((l) => [l.family, l.version, l.type, l.required, l.coveredByOwned]),
      [["ws-cal", "2012", "user", 6, 6]],
    );
    assert.deepEqual(
      position.owned.map((o) => [o.quantity, o.source]),
      [[6, "invoice INV-7"]],
    );

    // The head office's own check counts only the CALs typed on it (none): 5 short, as before.
    const check = (await (
      await app.request(`/v1/deployments/${ids[0]}/evaluations`, asSession(s, "POST", {}))
    ).json()) as {
      result: { compliant: boolean; families: { required: { shortfall: number }[] }[] };
    };
    assert.equal(check.result.compliant, false);
    assert.equal(
      check.result.families.flatMap((f) => f.required).reduce((n, r) => n + r.shortfall, 0),
      5,
    );
  });
}
