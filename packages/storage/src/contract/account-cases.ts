import assert from "node:assert/strict";
import { test } from "node:test";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

/** Organisations, users with roles, sessions, API tokens and sign-in attempts. */
export function defineAccountCases(harness: ContractHarness): void {
  test("organisations: create, get, find by slug, list; slugs are unique", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "accounts");
    assert.deepEqual(await store.organisations.get(org.id), org);
    assert.deepEqual(await store.organisations.findBySlug(org.slug), org);
    assert.ok((await store.organisations.list()).some((listed) => listed.id === org.id));
    await assert.rejects(store.organisations.create({ slug: org.slug, name: "again" }));
  });

  test("users: create with a role, find by email (any case), unique email per organisation", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "users");
    const owner = await store.users.create(org.id, {
      email: "Owner@Example.com",
      displayName: "Owner",
      role: "owner",
      passwordHash: "scrypt$x",
    });
    assert.equal(owner.email, "owner@example.com");
    assert.deepEqual(await store.users.findByEmail(org.id, "OWNER@example.com"), owner);
    await assert.rejects(
      store.users.create(org.id, {
        email: "owner@example.com",
        displayName: "Twin",
        role: "sales",
      }),
    );
    const other = await createTestOrganisation(store, "users-other");
    await store.users.create(other.id, {
      email: "owner@example.com",
      displayName: "O",
      role: "owner",
    });
    const demoted = await store.users.setRole(org.id, owner.id, {
      role: "auditor",
      customerId: null,
    });
    assert.equal(demoted?.role, "auditor");
    assert.equal(
      await store.users.setRole(other.id, owner.id, { role: "sales", customerId: null }),
      undefined,
    );
    await assert.rejects(
      store.users.setRole(org.id, owner.id, { role: "customer", customerId: null }),
      "a customer user names its customer",
    );
    assert.ok(await store.users.setPasswordHash(org.id, owner.id, "scrypt$y"));
    assert.equal((await store.users.get(org.id, owner.id))?.passwordHash, "scrypt$y");
    assert.ok(await store.users.disable(org.id, owner.id));
    assert.notEqual((await store.users.get(org.id, owner.id))?.disabledAt, null);
  });

  test("users: a customer user is linked to exactly one customer; other roles to none", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "roles");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    const reader = await store.users.create(org.id, {
      email: "reader@contoso.example",
      displayName: "Reader",
      role: "customer",
      customerId: customer.id,
    });
    assert.equal(reader.customerId, customer.id);
    await assert.rejects(
      store.users.create(org.id, { email: "nolink@x.example", displayName: "N", role: "customer" }),
    );
    await assert.rejects(
      store.users.create(org.id, {
        email: "sales@x.example",
        displayName: "S",
        role: "sales",
        customerId: customer.id,
      }),
    );
    await assert.rejects(
      store.users.create(org.id, {
        email: "ghost@x.example",
        displayName: "G",
        role: "customer",
        customerId: "no-such-customer",
      }),
    );
  });

  test("sessions: live until expired or revoked", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "sessions");
    const user = await store.users.create(org.id, {
      email: "s@x.example",
      displayName: "S",
      role: "sales",
    });
    const session = await store.sessions.create(org.id, {
      userId: user.id,
      tokenHash: "hash-1",
      expiresAt: "2030-01-01T00:00:00.000Z",
      address: "192.0.2.1",
    });
    assert.deepEqual(
      await store.sessions.findLive(org.id, "hash-1", "2029-12-31T23:59:59.999Z"),
      session,
    );
    assert.equal(
      await store.sessions.findLive(org.id, "hash-1", "2030-01-01T00:00:00.000Z"),
      undefined,
    );
    await store.sessions.create(org.id, {
      userId: user.id,
      tokenHash: "hash-2",
      expiresAt: "2030-01-01T00:00:00.000Z",
    });
    assert.equal(await store.sessions.revokeAllOfUser(org.id, user.id), 2);
    assert.equal(
      await store.sessions.findLive(org.id, "hash-2", "2029-01-01T00:00:00.000Z"),
      undefined,
    );
    assert.equal(await store.sessions.revoke(org.id, session.id), false);
  });

  test("API tokens: found by hash while live, revocable", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "tokens");
    const user = await store.users.create(org.id, {
      email: "t@x.example",
      displayName: "T",
      role: "auditor",
    });
    const token = await store.apiTokens.create(org.id, {
      userId: user.id,
      name: "ci",
      tokenHash: "th",
    });
    assert.deepEqual(
      await store.apiTokens.findLive(org.id, "th", "2099-01-01T00:00:00.000Z"),
      token,
    );
    assert.deepEqual(await store.apiTokens.listOfUser(org.id, user.id), [token]);
    assert.ok(await store.apiTokens.revoke(org.id, token.id));
    assert.equal(
      await store.apiTokens.findLive(org.id, "th", "2000-01-01T00:00:00.000Z"),
      undefined,
    );
  });

  test("sign-in attempts: failures counted per account and per address since a time", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "attempts");
    const since = new Date(Date.now() - 60_000).toISOString();
    for (const address of ["192.0.2.1", "192.0.2.1", "192.0.2.2"]) {
      await store.signInAttempts.record(org.id, {
        email: "A@x.example",
        address,
        outcome: "failed",
      });
    }
    await store.signInAttempts.record(org.id, {
      email: "b@x.example",
      address: "192.0.2.1",
      outcome: "failed",
    });
    await store.signInAttempts.record(org.id, {
      email: "a@x.example",
      address: "192.0.2.1",
      outcome: "succeeded",
    });
    assert.equal(
      await store.signInAttempts.countFailures(org.id, { email: "a@x.example", since }),
      3,
    );
    assert.equal(
      await store.signInAttempts.countFailures(org.id, { address: "192.0.2.1", since }),
      3,
    );
    assert.equal(
      await store.signInAttempts.countFailures(org.id, {
        email: "a@x.example",
        address: "192.0.2.1",
        since,
      }),
      4,
    );
    const later = new Date(Date.now() + 60_000).toISOString();
    assert.equal(
      await store.signInAttempts.countFailures(org.id, { email: "a@x.example", since: later }),
      0,
    );
  });
}
