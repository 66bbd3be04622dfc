import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "@calwise/catalog";
import { createApi, hashPassword, type ServerDependencies } from "@calwise/http-api";
import { loadHighsSolver } from "@calwise/node-files";
import type { Role, Store } from "@calwise/storage";
import pino from "pino";

/** What a database's test file hands the service contract: the store it opened on a real database. */
export interface ServiceHarness {
  store(): Store;
}

/** The data directory (uploads) of every test API in this process, removed when it exits. */
const testDataDir = mkdtempSync(join(tmpdir(), "calwise-service-data-"));
process.once("exit", () => rmSync(testDataDir, { recursive: true, force: true }));

/** The API over a store, as `calwise serve` composes it, with silent logs. */
export function createTestApi(
  store: Store,
  options: Partial<
    Pick<ServerDependencies, "secureCookies" | "dataDir" | "jobs" | "uploadLimits" | "now">
  > = {},
) {
  return createApi({
    catalog: loadCatalog(),
    logger: pino({ level: "silent" }),
    store,
    dataDir: testDataDir,
    ready: async () => true,
    now: () => new Date(),
    // HiGHS as `calwise serve` loads it, so the API proves what the CLI proves (the CLI-parity cases).
    loadSolver: () => loadHighsSolver(),
    ...options,
  });
}

/** The test password of every account (long enough for `calwise user add`). */
export const password = "a long test password";
let count = 0;

/** A new organisation (unique slug) with one account of `role`. */
export async function createAccount(store: Store, role: Role, label = "org") {
  count += 1;
  const org = await store.organisations.create({
    slug: `${label}-${process.pid}-${count}-${Date.now()}`,
    name: `${label} ${count}`,
  });
  // A customer account belongs to one customer record (the store requires it).
  const customerId =
    role === "customer" ? (await store.customers.create(org.id, { name: "Own record" })).id : null;
  const user = await store.users.create(org.id, {
    email: `${role}${count}@example.com`,
    displayName: role,
    role,
    customerId,
    passwordHash: await hashPassword(password),
  });
  return { org, user };
}

/** A signed-in session: the Cookie header and the CSRF token writes must echo. */
export interface TestSession {
  readonly cookie: string;
  readonly csrf: string;
}

type TestApi = ReturnType<typeof createTestApi>;

/** Signs in through `POST /v1/sign-in` and keeps the cookies it sets. */
export async function signIn(app: TestApi, slug: string, email: string): Promise<TestSession> {
  const r = await app.request("/v1/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ organisation: slug, email, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in answered ${r.status}: ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** A request as a signed-in browser page sends it: the cookies, and the CSRF header on writes. */
export function asSession(session: TestSession, method = "GET", body?: unknown): RequestInit {
  return {
    method,
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrf,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
