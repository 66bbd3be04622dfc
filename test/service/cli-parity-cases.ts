import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { runCli } from "../cli/run-cli.ts";
import { mullerQuoteBody, readExample, storeExamplePriceLists } from "./commerce-cases.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
} from "./service-harness.ts";

/** An example deployment as a request carries it: its `prices:` file inline. */
function inlineDeployment(name: string): Record<string, unknown> {
  const deployment = parse(readExample(name)) as Record<string, unknown>;
  return typeof deployment.prices === "string"
    ? { ...deployment, prices: parse(readExample(deployment.prices)) }
    : deployment;
}

/** What `calwise … --json` prints, parsed (the CLI run as a child process, as a user runs it). */
function cliJson(args: readonly string[]): unknown {
  const cli = runCli([...args, "--json"]);
  assert.equal(cli.stderr, "", args.join(" "));
  return JSON.parse(cli.stdout);
}

/**
 * Every CLI use case on the examples through the CLI and through the API gives the same answer:
 * evaluate, quote, advise and catalog (issue 12: "every CLI use case is reachable through the API"). The
 * audit's parity (an uploaded file audited by the job worker equals `calwise audit --json`) is in
 * `evidence-cases.ts`, beside the job worker it needs.
 */
export function defineCliParityCases(harness: ServiceHarness): void {
  test("the CLI and the API answer the same on the examples: evaluate, quote, advise, catalog", async (t) => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner", "parity");
    const s = await signIn(app, org.slug, user.email);
    const json = async (path: string, init = asSession(s)) => {
      const r = await app.request(path, init);
      assert.ok(r.status < 300, `${path}: ${r.status} ${await r.clone().text()}`);
      return r.json();
    };

    for (const example of ["sbs-75-users.yaml", "contoso.yaml", "muller-lodz.yaml"])
      await t.test(`evaluate ${example}`, async () => {
        const stored = (await json(
          "/v1/evaluations",
          asSession(s, "POST", { deployment: inlineDeployment(example) }),
        )) as { result: unknown };
        assert.deepEqual(stored.result, cliJson(["evaluate", `examples/${example}`]));
      });

    await storeExamplePriceLists(app, s);
    await t.test("quote quote-muller-lodz.yaml", async () => {
      const customer = (await json(
        "/v1/customers",
        asSession(s, "POST", { name: "Müller Sp. z o.o." }),
      )) as { id: string };
      const draft = (await json(
        "/v1/quotes",
        asSession(s, "POST", mullerQuoteBody(customer.id)),
      )) as { id: string; quote: unknown };
      const cli = cliJson(["quote", "examples/quote-muller-lodz.yaml"]);
      assert.deepEqual(draft.quote, cli);
      assert.deepEqual(await json(`/v1/quotes/${draft.id}/document?format=json`), cli);
    });

    await t.test("advise, priced by the list valid on the date and unpriced", async () => {
      const profile = {
        users: 32,
        devices: 40,
        sharedDevices: 6,
        needs: ["sql", "remote-desktop"],
        growth: 10,
      };
      const options = ["--users", "32", "--devices", "40", "--shared-devices", "6"];
      const more = ["--needs", "sql,remote-desktop", "--growth", "10", "--date", "2026-11-28"];
      assert.deepEqual(
        await json("/v1/advice", asSession(s, "POST", { profile, date: "2026-11-28" })),
        cliJson([
          "advise",
          ...options,
          ...more,
          "--price-list",
          "examples/prices-reseller-2026h2.csv",
        ]),
      );
      assert.deepEqual(
        await json(
          "/v1/advice",
          asSession(s, "POST", { profile, date: "2026-11-28", unpriced: true }),
        ),
        cliJson(["advise", ...options, ...more]),
      );
    });

    await t.test("catalog", async () => {
      assert.deepEqual(await json("/v1/catalog"), cliJson(["catalog"]));
    });
  });
}
