import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openStore, type Store } from "@calwise/storage";
import { logonText, ownedDeployment } from "./evidence-fixtures.ts";
import { findFreePort, type ServeProcess, signInOver, startServeProcess } from "./serve-process.ts";
import { createAccount, password } from "./service-harness.ts";

/** The upload's size: 1 GiB unless CALWISE_UPLOAD_TEST_MIB says otherwise. */
const uploadBytes = Number(process.env.CALWISE_UPLOAD_TEST_MIB ?? "1024") * 1024 * 1024;
/** A server that held the upload in memory would pass this many times over; one that streams stays far below. */
const peakRssBound = 300 * 1024 * 1024;

const dataDir = mkdtempSync(join(tmpdir(), "calwise-upload-limits-"));
let store: Store | undefined;
let server: ServeProcess | undefined;
let baselineRss = 0;

before(async () => {
  store = await openStore({ location: dataDir });
  server = await startServeProcess({
    dataDir,
    port: await findFreePort(),
    args: ["--upload-max-bytes", String(2 * uploadBytes)],
  });
  baselineRss = server.readPeakRss();
});

after(async () => {
  await server?.kill("SIGKILL");
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whole logon lines, repeated to `total` bytes and generated as they are sent (never stored). */
function generateEvidence(total: number): { body: ReadableStream<Uint8Array>; hash: () => string } {
  const block = Buffer.from(logonText(3500, 40));
  const digest = createHash("sha256");
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const piece = block.subarray(0, Math.min(block.length, total - sent));
      digest.update(piece);
      sent += piece.length;
      controller.enqueue(piece);
    },
  });
  return { body, hash: () => digest.digest("hex") };
}

async function signInToServer(to = server) {
  if (store === undefined || to === undefined) throw new Error("not started");
  const { org, user } = await createAccount(store, "owner", "upload");
  const customer = await store.customers.create(org.id, { name: "Large" });
  const { deployment } = await store.deployments.create(org.id, {
    name: "owned",
    customerId: customer.id,
    document: ownedDeployment,
  });
  const call = await signInOver(to.url, { slug: org.slug, email: user.email, password });
  return {
    call,
    path: `/v1/customers/${customer.id}/evidence?deploymentId=${deployment.id}`,
  };
}

test(`a ${uploadBytes / 1024 ** 2} MiB upload streams to disk: the server's peak memory stays under ${peakRssBound / 1024 ** 2} MB`, async () => {
  const { call, path } = await signInToServer();
  const evidence = generateEvidence(uploadBytes);
  const r = await call(`${path}&fileName=large.ndjson`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: evidence.body,
    duplex: "half",
  } as RequestInit);
  assert.equal(r.status, 202, await r.clone().text());
  const peak = server?.readPeakRss() ?? Number.POSITIVE_INFINITY;
  const { upload } = (await r.json()) as { upload: { sizeBytes: number; contentHash: string } };
  assert.equal(upload.sizeBytes, uploadBytes);
  assert.equal(upload.contentHash, evidence.hash());
  assert.ok(peak < peakRssBound, `peak RSS ${Math.round(peak / 1024 ** 2)} MB`);
  const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
  process.stdout.write(
    `# calwise serve peak RSS: ${mb(baselineRss)} MB started, ${mb(peak)} MB after the upload\n`,
  );
});

test("an upload that stalls is cut (408 REQUEST_TIMEOUT) and leaves nothing behind; the server carries on", async () => {
  // A server of its own with a short idle limit (the large upload above keeps the default 30 s).
  const impatient = await startServeProcess({
    dataDir,
    port: await findFreePort(),
    args: ["--upload-idle-seconds", "1"],
  });
  try {
    await sendStalledUpload(impatient);
  } finally {
    await impatient.kill("SIGKILL");
  }
});

async function sendStalledUpload(to: ServeProcess): Promise<void> {
  const { call, path } = await signInToServer(to);
  const stalled = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(Buffer.from(logonText(10)));
      // …and then nothing, ever: an endless, silent upload.
    },
  });
  const r = await call(`${path}&fileName=stalled.ndjson`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: stalled,
    duplex: "half",
  } as RequestInit);
  assert.equal(r.status, 408);
  assert.equal(((await r.json()) as { code: string }).code, "REQUEST_TIMEOUT");
  await stalled.cancel().catch(() => undefined);
  assert.equal((await call("/healthz")).status, 200);
  assert.deepEqual(readdirSync(join(dataDir, "uploads", "incoming")), [], "no partial file");
}
