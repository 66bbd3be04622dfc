// Measures the customer's list of audits (GET /v1/customers/{id}/audits) over many large stored audits, on SQLite:
// `fill` stores the audits once, `after` times the list as the route now answers it (the summaries of migration
// 0010), `before` times what the route did until then (every audit's whole result read and parsed, reproduced
// here with the same query). Each mode is its own process, so its peak RSS is its own. CPU is user + sys.
//   node --import tsx scripts/measure-audit-list.ts fill   --dir /tmp/audits --audits 200 --accesses 2500
//   node --import tsx scripts/measure-audit-list.ts before --dir /tmp/audits
//   node --import tsx scripts/measure-audit-list.ts after  --dir /tmp/audits
import { parseArgs } from "node:util";
import { openStore, type SqliteStore } from "@calwise/storage";
import {
  type AuditListSummary,
  summariseAuditResult,
} from "../packages/http-api/src/jobs/summarise-audit-result.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  signIn,
} from "../test/service/service-harness.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: "string" },
    audits: { type: "string", default: "200" },
    accesses: { type: "string", default: "2500" },
    runs: { type: "string", default: "3" },
  },
});
const mode = positionals[0];
if (values.dir === undefined || !["fill", "before", "after"].includes(mode ?? ""))
  throw new Error("usage: measure-audit-list.ts fill|before|after --dir DIR");
const store = (await openStore({ location: values.dir })) as SqliteStore;

/** The summary of a stored result (the synthetic one has only the fields the summary reads). */
const summarise = (result: unknown): AuditListSummary =>
  summariseAuditResult(result as Parameters<typeof summariseAuditResult>[0]);

/** An audit's result shaped as the app stores one: its files, its evaluation, one record per access. */
function syntheticResult(seed: number, accesses: number) {
  return {
    files: [{ file: `Security-${seed}.evtx`, format: "evtx", records: accesses * 4, skipped: 0 }],
    evaluation: {
      compliant: false,
      families: [
        {
          id: "ws-cal",
          required: [{ version: "2025", type: "user", count: accesses, shortfall: seed }],
        },
      ],
    },
    accesses: Array.from({ length: accesses }, (_, i) => ({
      user: `CONTOSO\\user${i}`,
      device: `PC-${String(i).padStart(6, "0")}`,
      server: "FS1",
      events: 1 + (i % 7),
      first: "2026-11-02T08:00:00.000Z",
      last: "2026-11-30T17:59:59.000Z",
      logonTypes: [2, 3, 10],
    })),
  };
}

if (mode === "fill") {
  const { org, user } = await createAccount(store, "owner", "audit-list");
  const customer = await store.customers.create(org.id, { name: "Audited at scale" });
  for (let i = 0; i < Number(values.audits); i++) {
    const result = syntheticResult(i, Number(values.accesses));
    await store.auditResults.create(org.id, {
      customerId: customer.id,
      catalogVersion: "2026.11.1",
      result,
      summary: summarise(result),
    });
  }
  const bytes = store.connection
    .prepare("select sum(length(result)) as n from audit_results")
    .get() as { n: number };
  console.log(
    JSON.stringify({
      org: org.slug,
      email: user.email,
      customerId: customer.id,
      resultBytes: bytes.n,
    }),
  );
} else {
  const { org, customerId, email } = store.connection
    .prepare(
      `select o.slug as org, a.customer_id as customerId, u.email as email
       from audit_results a join organisations o on o.id = a.org_id join users u on u.org_id = a.org_id limit 1`,
    )
    .get() as { org: string; customerId: string; email: string };
  const app = createTestApi(store);
  const session = await signIn(app, org, email);
  const once = async () => {
    if (mode === "after") {
      const r = await app.request(`/v1/customers/${customerId}/audits`, asSession(session));
      return ((await r.json()) as { audits: unknown[] }).audits.length;
    }
    // What the route did before 0010: every row with its whole result, parsed, summarised.
    const rows = store.connection
      .prepare(
        "select * from audit_results where org_id = (select org_id from customers where id = ?) and customer_id = ? order by id desc",
      )
      .all(customerId, customerId) as { result: string }[];
    return rows.map((row) => summarise(JSON.parse(row.result))).length;
  };
  const runs = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const listed = await once();
    const used = process.cpuUsage(cpu);
    runs.push({
      listed,
      wallMs: Math.round(performance.now() - start),
      cpuMs: Math.round((used.user + used.system) / 1000),
    });
  }
  console.log(
    JSON.stringify({ mode, runs, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
}
await store.close();
