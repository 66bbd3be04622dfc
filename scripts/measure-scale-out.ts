// The measurement behind docs/scale-out.md: a throwaway PostgreSQL seeded with ORGS organisations ×
// CUSTOMERS customers, each with a deployment of two revisions (the 75-user example) and an evaluation of
// each (its real result), and a finished job; then the store's own queries (as the application role, row-
// level security on) timed at random organisations. Run alone: node --import tsx scripts/measure-scale-out.ts
// [orgs=1000] [customers=20]. Prints Markdown.
import { readFileSync } from "node:fs";
import { evaluateDeploymentDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { openStore } from "@calwise/storage";
import { startThrowawayPostgres } from "@calwise/storage/testing";
import pg from "pg";
import { parse } from "yaml";
import { formatMs, renderTable } from "./bench-markdown.ts";

const orgs = Number(process.argv[2] ?? "1000");
const customers = Number(process.argv[3] ?? "20");
const samples = 400;

const deployment = {
  ...(parse(readFileSync("examples/sbs-75-users.yaml", "utf8")) as object),
  prices: parse(readFileSync("examples/prices-example.yaml", "utf8")) as unknown,
};
const result = evaluateDeploymentDocument({
  deployment: { name: "d", data: deployment },
  catalog: loadCatalog(),
});

const cluster = await startThrowawayPostgres();
const store = await openStore({ location: cluster.url });
const admin = new pg.Client({ connectionString: cluster.superuserUrl });
await admin.connect();
try {
  const started = performance.now();
  const now = "2026-12-06T12:00:00.000Z";
  // Seeded in bulk as the superuser (row-level security does not bind it); ids are text like the store's.
  await admin.query(
    `insert into organisations (id, slug, name, last_quote_number, created_at)
     select 'org-' || lpad(o::text, 6, '0'), 'org-' || o, 'Organisation ' || o, 0, $1
     from generate_series(1, $2) o`,
    [now, orgs],
  );
  const orgCustomer = `from generate_series(1, $2) o, generate_series(1, $3) c`;
  const ids = `'org-' || lpad(o::text, 6, '0') as org_id, 'c-' || lpad(c::text, 4, '0')`;
  await admin.query(
    `insert into customers (org_id, id, name, reference, created_at, updated_at)
     select ${ids}, 'Customer ' || c, null, $1, $1 ${orgCustomer}`,
    [now, orgs, customers],
  );
  await admin.query(
    `insert into deployments (org_id, id, customer_id, name, latest_revision, created_at, updated_at)
     select ${ids}, 'c-' || lpad(c::text, 4, '0'), 'estate', 2, $1, $1 ${orgCustomer}`,
    [now, orgs, customers],
  );
  await admin.query(
    `insert into deployment_revisions (org_id, deployment_id, revision, document, created_at, created_by)
     select ${ids}, r, $4::jsonb, $1, null ${orgCustomer}, generate_series(1, 2) r`,
    [now, orgs, customers, JSON.stringify(deployment)],
  );
  await admin.query(
    `insert into evaluations (org_id, id, deployment_id, revision, catalog_version, result, created_at)
     select ${ids} || '-' || r, 'c-' || lpad(c::text, 4, '0'), r, 'seed', $4::jsonb, $1
     ${orgCustomer}, generate_series(1, 2) r`,
    [now, orgs, customers, JSON.stringify(result)],
  );
  await admin.query(
    `insert into jobs (org_id, id, kind, input, state, progress_done, progress_total, attempts,
       max_attempts, created_at, updated_at)
     select ${ids}, 'audit-evidence', '{}'::jsonb, 'succeeded', 1, 1, 1, 3, $1, $1 ${orgCustomer}`,
    [now, orgs, customers],
  );
  await admin.query("analyze");
  const seedSeconds = (performance.now() - started) / 1000;

  const sizes = await admin.query<{ relname: string; rows: string; bytes: string }>(
    `select c.relname, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname in
       ('organisations', 'customers', 'deployments', 'deployment_revisions', 'evaluations', 'jobs')
     order by pg_total_relation_size(c.oid) desc`,
  );
  const database = await admin.query<{ bytes: string }>(
    "select pg_database_size('calwise') as bytes",
  );
  const plan = await admin.query<{ "QUERY PLAN": string }>(
    "explain select * from evaluations where org_id = 'org-000500' and id = 'c-0010-1'",
  );

  const pick = (n: number) => 1 + Math.floor(Math.random() * n);
  const orgId = () => `org-${String(pick(orgs)).padStart(6, "0")}`;
  const customerId = () => `c-${String(pick(customers)).padStart(4, "0")}`;
  const queries: [string, () => Promise<unknown>][] = [
    ["customers.list (one organisation's customers)", () => store.customers.list(orgId())],
    [
      "evaluations.get (one stored result, ~12 KB)",
      () => store.evaluations.get(orgId(), `${customerId()}-2`),
    ],
    [
      "deployments.listRevisions (two documents)",
      () => store.deployments.listRevisions(orgId(), customerId()),
    ],
    [
      "jobs.claim (nothing to claim)",
      () => store.jobs.claim(orgId(), { workerId: "w", now, leaseMs: 1000 }),
    ],
  ];
  const rows: string[][] = [];
  for (const [name, query] of queries) {
    for (let i = 0; i < 50; i++) await query();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await query();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    rows.push([
      name,
      formatMs(times[Math.floor(samples / 2)]),
      formatMs(times[Math.floor(samples * 0.99)]),
    ]);
  }
  const mb = (bytes: string | number) =>
    `${Math.round(Number(bytes) / 1024 ** 2).toLocaleString("en")}`;
  process.stdout.write(
    [
      `Seeded ${orgs.toLocaleString("en")} organisations × ${customers} customers in ${seedSeconds.toFixed(0)} s; database ${mb(database.rows[0]?.bytes ?? 0)} MB.`,
      "",
      renderTable(
        ["table", "rows", "MB (with indexes, TOAST)"],
        sizes.rows.map((r) => [r.relname, Number(r.rows).toLocaleString("en"), mb(r.bytes)]),
        ["l", "r", "r"],
      ),
      "",
      `Each query through the store (its own transaction with \`set_config('calwise.org_id', …)\`, as the`,
      `application role with row-level security forced), ${samples} times at random organisations:`,
      "",
      renderTable(["query", "median ms", "p99 ms"], rows, ["l", "r", "r"]),
      "",
      "```",
      ...plan.rows.map((r) => r["QUERY PLAN"]),
      "```",
      "",
    ].join("\n"),
  );
} finally {
  await admin.end();
  await store.close();
  await cluster.stop();
}
