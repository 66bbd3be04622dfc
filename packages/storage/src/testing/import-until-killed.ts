// A worker process for the kill test: claims the job, then imports entitlements in one transaction and
// says "importing" once rows are written, so that the test can SIGKILL it in the middle of the import.
// Arguments: store location, organisation id, worker id.
import { openStore } from "../open-store.ts";

const [location = "", orgId = "", workerId = ""] = process.argv.slice(2);
const store = await openStore({ location });
const job = await store.jobs.claim(orgId, {
  workerId,
  now: new Date().toISOString(),
  leaseMs: 60_000,
});
if (job === undefined) throw new Error("no job to claim");
await store.transact(orgId, async (tx) => {
  for (let row = 0; row < 1_000_000; row++) {
    await tx.entitlements.create(orgId, { kind: "purchase", sku: `sku-${row}`, quantity: 1 });
    if (row === 200) process.stdout.write("importing\n");
  }
});
process.stdout.write("committed\n");
await store.close();
