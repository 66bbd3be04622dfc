import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { root, runCli } from "../cli/run-cli.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

type TestApi = ReturnType<typeof createTestApi>;

/** An example file's text. */
export function readExample(name: string): string {
  return readFileSync(`${root}/examples/${name}`, "utf8");
}

/** A request with a text body of `type`, as `curl --data-binary @file -H 'content-type: …'` sends it. */
export function asText(session: TestSession, type: string, text: string): RequestInit {
  return {
    method: "POST",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": type },
    body: text,
  };
}

/** Stores the two example reseller lists (CSV for 2026 H2, YAML for 2027 H1) under their example names. */
export async function storeExamplePriceLists(app: TestApi, s: TestSession) {
  const csv = await app.request(
    "/v1/price-lists?source=examples/prices-reseller-2026h2.csv",
    asText(s, "text/csv", readExample("prices-reseller-2026h2.csv")),
  );
  assert.equal(csv.status, 201, await csv.clone().text());
  const yaml = await app.request(
    "/v1/price-lists?source=examples/prices-reseller-2027h1.yaml",
    asText(s, "application/yaml", readExample("prices-reseller-2027h1.yaml")),
  );
  assert.equal(yaml.status, 201, await yaml.clone().text());
  const [h2] = ((await csv.json()) as { priceLists: { id: string }[] }).priceLists;
  const [h1] = ((await yaml.json()) as { priceLists: { id: string }[] }).priceLists;
  return { h2: h2?.id ?? "", h1: h1?.id ?? "" };
}

/** The body that quotes examples/quote-muller-lodz.yaml: its terms, its deployment inline. */
export function mullerQuoteBody(customerId: string): Record<string, unknown> {
  const {
    deployment: _file,
    priceLists: _files,
    ...terms
  } = parse(readExample("quote-muller-lodz.yaml")) as Record<string, unknown>;
  return { customerId, deployment: parse(readExample("muller-lodz.yaml")), terms };
}

/** Price lists and quotes in one organisation, against what `calwise quote` answers. */
export function defineCommerceCases(harness: ServiceHarness): void {
  test("price lists: stored from CSV, YAML and JSON as the CLI reads them, listed by date, retired, deleted", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales");
    const s = await signIn(app, org.slug, user.email);
    const { h2, h1 } = await storeExamplePriceLists(app, s);
    const json = await app.request(
      "/v1/price-lists",
      asSession(s, "POST", {
        ...(parse(readExample("prices-reseller-2027h1.yaml")) as object),
        validFrom: "2027-07-01",
        validTo: null,
      }),
    );
    assert.equal(json.status, 400, "validTo null is not the schema's");
    const open = await app.request(
      "/v1/price-lists",
      asSession(s, "POST", {
        ...(parse(readExample("prices-reseller-2027h1.yaml")) as object),
        version: "2027-H2",
        validFrom: "2027-07-01",
        validTo: undefined,
      }),
    );
    assert.equal(open.status, 201, await open.clone().text());
    const on = async (date: string) =>
      (
        (await (await app.request(`/v1/price-lists?validOn=${date}`, asSession(s))).json()) as {
          priceLists: { id: string; version: string | null }[];
        }
      ).priceLists.map((l) => l.version);
    assert.deepEqual(await on("2026-11-28"), ["2026-H2"]);
    assert.deepEqual(await on("2027-03-01"), ["2027-H1"]);
    assert.deepEqual(await on("2030-01-01"), ["2027-H2"]);
    const read = (await (await app.request(`/v1/price-lists/${h2}`, asSession(s))).json()) as {
      currency: string;
      validFrom: string;
      validTo: string;
      items: number;
      source: string;
      document: Record<string, unknown>;
    };
    assert.equal(read.source, "examples/prices-reseller-2026h2.csv");
    assert.ok(
      !("source" in read.document),
      "the document is the schema's, the file name beside it",
    );
    assert.deepEqual(
      [read.currency, read.validFrom, read.validTo],
      ["EUR", "2026-07-01", "2026-12-31"],
    );
    assert.ok(read.items > 50);

    const retired = await app.request(
      `/v1/price-lists/${h1}/retire`,
      asSession(s, "POST", { validTo: "2027-03-31" }),
    );
    assert.equal(retired.status, 200);
    assert.deepEqual(await on("2027-05-01"), []);
    const early = await app.request(
      `/v1/price-lists/${h1}/retire`,
      asSession(s, "POST", { validTo: "2026-01-01" }),
    );
    assert.equal(early.status, 409, "a list cannot end before it starts");

    const bad = await app.request(
      "/v1/price-lists?source=bad.csv",
      asText(
        s,
        "text/csv",
        "sku,family,version,type,packSize,price,currency\nX,ws-cal,2012,user,1,39.99,EUR\n",
      ),
    );
    assert.equal(bad.status, 400);
    const problem = (await bad.json()) as { problems: { line?: number; path: string }[] };
    assert.equal(problem.problems[0]?.line, 2, JSON.stringify(problem.problems));

    assert.equal((await app.request(`/v1/price-lists/${h1}`, asSession(s, "DELETE"))).status, 204);
    assert.equal((await app.request(`/v1/price-lists/${h1}`, asSession(s))).status, 404);
    const actions = (await store.auditLog.list(org.id)).map((e) => e.action);
    assert.deepEqual(
      ["price-list.create", "price-list.retire", "price-list.delete"].filter(
        (a) => !actions.includes(a),
      ),
      [],
    );
  });

  test("quotes: a draft priced as `calwise quote` prices it, numbered when issued, immutable after", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const { h2 } = await storeExamplePriceLists(app, s);
    const customer = (await (
      await app.request("/v1/customers", asSession(s, "POST", { name: "Müller Sp. z o.o." }))
    ).json()) as { id: string };
    const body = mullerQuoteBody(customer.id);
    const created = await app.request("/v1/quotes", asSession(s, "POST", body));
    assert.equal(created.status, 201, await created.clone().text());
    const draft = (await created.json()) as {
      id: string;
      status: string;
      number: number | null;
      priceListId: string;
      total: number;
      quote: { number: string | null; total: number };
    };
    assert.equal(draft.status, "draft");
    assert.equal(draft.number, null);
    assert.equal(draft.priceListId, h2, "the list valid on the quote date, chosen by the use case");
    const cli = runCli(["quote", "--json", "examples/quote-muller-lodz.yaml"]);
    assert.equal(cli.stderr, "");
    assert.deepEqual(draft.quote, JSON.parse(cli.stdout), "the same quote as the CLI");
    assert.equal(draft.total, draft.quote.total);

    // Leaving out the recorded reasons drops CAL lines without a reason: refused, nothing changes.
    const terms = body.terms as Record<string, unknown>;
    const unreasoned = { ...body, terms: { ...terms, omittedCals: [] } };
    const refused = await app.request(`/v1/quotes/${draft.id}`, asSession(s, "PUT", unreasoned));
    assert.equal(refused.status, 400);
    const refusal = (await refused.json()) as { problems: { code: string; path: string }[] };
    assert.ok(
      refusal.problems.some(
        (p) => p.code === "CALS_NOT_QUOTED" && p.path.startsWith("deployment.servers"),
      ),
      JSON.stringify(refusal.problems),
    );
    const again = (await (await app.request(`/v1/quotes/${draft.id}`, asSession(s))).json()) as {
      total: number;
    };
    assert.equal(again.total, draft.total);

    const discounted = {
      ...body,
      terms: {
        ...terms,
        discounts: [...(terms.discounts as unknown[]), { label: "Loyalty", amount: 5000 }],
      },
    };
    const changed = await app.request(`/v1/quotes/${draft.id}`, asSession(s, "PUT", discounted));
    assert.equal(changed.status, 200);
    assert.equal(((await changed.json()) as { total: number }).total, draft.total - 5000);

    // A quote whose terms name no seller (the web app's: its point of sale sends none) is from the organisation,
    // never from nobody: the PDF a customer receives says who sent it.
    const { seller: _seller, ...unsigned } = terms;
    const fromOrg = await app.request(
      `/v1/quotes/${draft.id}`,
      asSession(s, "PUT", { ...body, terms: unsigned }),
    );
    assert.equal(fromOrg.status, 200);
    const sentBy = ((await fromOrg.json()) as { quote: { seller: { name: string } | null } }).quote
      .seller;
    assert.equal(sentBy?.name, org.name);
    assert.equal(
      (await app.request(`/v1/quotes/${draft.id}`, asSession(s, "PUT", discounted))).status,
      200,
    );

    const issued = await app.request(`/v1/quotes/${draft.id}/issue`, asSession(s, "POST"));
    assert.equal(issued.status, 200);
    const first = (await issued.json()) as {
      number: number;
      status: string;
      quote: { number: string };
    };
    assert.deepEqual([first.status, first.number, first.quote.number], ["issued", 1, "1"]);
    assert.equal(
      (await app.request(`/v1/quotes/${draft.id}`, asSession(s, "PUT", body))).status,
      409,
    );
    assert.equal(
      (await app.request(`/v1/quotes/${draft.id}/issue`, asSession(s, "POST"))).status,
      409,
    );
    const second = (await (await app.request("/v1/quotes", asSession(s, "POST", body))).json()) as {
      id: string;
    };
    const numbered = (await (
      await app.request(`/v1/quotes/${second.id}/issue`, asSession(s, "POST"))
    ).json()) as { number: number };
    assert.equal(numbered.number, 2);
    assert.equal(
      (
        await app.request(
          `/v1/quotes/${second.id}/status`,
          asSession(s, "POST", { status: "accepted" }),
        )
      ).status,
      200,
    );
    const draftOnly = (await (
      await app.request("/v1/quotes?status=accepted", asSession(s))
    ).json()) as {
      quotes: { id: string; status: string }[];
    };
    assert.deepEqual(
      draftOnly.quotes.map((q) => q.id),
      [second.id],
    );

    const pdf = await app.request(`/v1/quotes/${draft.id}/document?format=pdf`, asSession(s));
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    assert.match(pdf.headers.get("content-disposition") ?? "", /quote-1\.pdf/);
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      "%PDF-",
    );
    const markdown = await (
      await app.request(`/v1/quotes/${draft.id}/document?format=markdown`, asSession(s))
    ).text();
    assert.match(markdown, /Quotation 1/);
    const json = (await (
      await app.request(`/v1/quotes/${draft.id}/document?format=json`, asSession(s))
    ).json()) as { number: string };
    assert.equal(json.number, "1");
    assert.equal(
      (await app.request(`/v1/price-lists/${h2}`, asSession(s, "DELETE"))).status,
      409,
      "a list a quote was priced from is retired, not deleted",
    );
  });
}
