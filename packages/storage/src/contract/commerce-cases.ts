import assert from "node:assert/strict";
import { test } from "node:test";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const content = {
  currency: "EUR",
  totalMinor: 123_456,
  document: { lines: [{ sku: "WINSVR-CAL-USER", quantity: 10 }] },
};

/** Entitlements, price lists and quotes; money comes back as integer numbers on both databases. */
export function defineCommerceCases(harness: ContractHarness): void {
  test("entitlements: purchases and included CALs, amounts as safe integers", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "entitlements");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    const bought = await store.entitlements.create(org.id, {
      customerId: customer.id,
      kind: "purchase",
      sku: "windows-server/user-cal",
      quantity: 25,
      invoiceReference: "INV-2026-0042",
      acquiredOn: "2026-03-01",
      amountMinor: 9_007_199_254_740_991,
      currency: "EUR",
      details: { version: "2025", calType: "user" },
    });
    const included = await store.entitlements.create(org.id, {
      kind: "included",
      sku: "sbs/cal",
      quantity: 5,
    });
    assert.equal(bought.amountMinor, 9_007_199_254_740_991);
    assert.equal(typeof bought.quantity, "number");
    assert.deepEqual(await store.entitlements.get(org.id, bought.id), bought);
    assert.deepEqual(included.details, {});
    assert.deepEqual(await store.entitlements.list(org.id, { customerId: customer.id }), [bought]);
    assert.equal((await store.entitlements.list(org.id)).length, 2);
    await assert.rejects(
      store.entitlements.create(org.id, { kind: "purchase", sku: "x", quantity: 0 }),
    );
    assert.ok(await store.entitlements.delete(org.id, included.id));
  });

  test("price lists: several per organisation, chosen by validity date", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "price-lists");
    const old = await store.priceLists.create(org.id, {
      name: "2025",
      currency: "EUR",
      validFrom: "2025-01-01",
      validTo: "2025-12-31",
      document: { items: [{ sku: "a", unitMinor: 100 }] },
    });
    const current = await store.priceLists.create(org.id, {
      name: "2026",
      currency: "EUR",
      validFrom: "2026-01-01",
      document: { items: [{ sku: "a", unitMinor: 120 }] },
    });
    assert.deepEqual(await store.priceLists.get(org.id, old.id), old);
    assert.deepEqual(
      (await store.priceLists.listValidOn(org.id, "2025-12-31")).map((l) => l.id),
      [old.id],
    );
    assert.deepEqual(
      (await store.priceLists.listValidOn(org.id, "2027-06-01")).map((l) => l.id),
      [current.id],
    );
    assert.deepEqual(await store.priceLists.listValidOn(org.id, "2024-06-01"), []);
    assert.equal((await store.priceLists.list(org.id)).length, 2);
    await assert.rejects(
      store.priceLists.create(org.id, {
        name: "x",
        currency: "EUR",
        validFrom: "2026-02-01",
        validTo: "2026-01-01",
        document: {},
      }),
    );
    const retired = await store.priceLists.retire(org.id, current.id, "2026-06-30");
    assert.equal(retired?.validTo, "2026-06-30");
    assert.deepEqual(await store.priceLists.listValidOn(org.id, "2027-06-01"), []);
    assert.equal(await store.priceLists.retire(org.id, "no-such-list", "2026-06-30"), undefined);
    assert.ok(await store.priceLists.delete(org.id, old.id));
  });

  test("quotes: a draft changes until issued; issue numbers 1, 2, … per organisation", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "quotes");
    const other = await createTestOrganisation(store, "quotes-other");
    const draft = await store.quotes.createDraft(org.id, content);
    assert.equal(draft.status, "draft");
    assert.equal(draft.number, null);
    const edited = await store.quotes.updateDraft(org.id, draft.id, {
      ...content,
      totalMinor: 100,
    });
    assert.equal(edited?.totalMinor, 100);
    const first = await store.quotes.issue(org.id, draft.id);
    assert.equal(first?.number, 1);
    assert.equal(first?.status, "issued");
    assert.equal(await store.quotes.issue(org.id, draft.id), undefined);
    assert.equal(await store.quotes.updateDraft(org.id, draft.id, content), undefined);
    const second = await store.quotes.issue(
      org.id,
      (await store.quotes.createDraft(org.id, content)).id,
    );
    assert.equal(second?.number, 2);
    const elsewhere = await store.quotes.issue(
      other.id,
      (await store.quotes.createDraft(other.id, content)).id,
    );
    assert.equal(elsewhere?.number, 1);
    assert.deepEqual(await store.quotes.findByNumber(org.id, 2), second);
    assert.equal((await store.quotes.setStatus(org.id, draft.id, "accepted"))?.status, "accepted");
    assert.equal(await store.quotes.setStatus(org.id, draft.id, "declined"), undefined);
    assert.equal((await store.quotes.list(org.id)).length, 2);
  });

  test("quotes: concurrent issues get distinct consecutive numbers", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "quotes-race");
    const drafts = await Promise.all(
      Array.from({ length: 10 }, () => store.quotes.createDraft(org.id, content)),
    );
    const issued = await Promise.all(
      [...drafts, ...drafts].map((draft) => store.quotes.issue(org.id, draft.id)),
    );
    const numbers = issued.flatMap((quote) => (quote?.number == null ? [] : [quote.number]));
    assert.deepEqual(
      numbers.sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  test("quotes: an issued quote's content is immutable even to a raw statement", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "quotes-immutable");
    const quote = await store.quotes.createDraft(org.id, content);
    await store.quotes.issue(org.id, quote.id);
    await assert.rejects(
      harness.executeRaw(org.id, `update quotes set total_minor = 1 where id = '${quote.id}'`),
      /immutable/,
    );
    await assert.rejects(
      harness.executeRaw(org.id, `delete from quotes where id = '${quote.id}'`),
      /immutable/,
    );
    assert.equal((await store.quotes.get(org.id, quote.id))?.totalMinor, content.totalMinor);
  });
}
