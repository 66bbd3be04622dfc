// Worker entry of readEvtxLogonChunks: reads the EVTX chunks it is sent, one message each, and
// answers each with its ChunkLogons. Bundled beside the CLI (scripts/build-cli.mjs), since worker
// threads cannot load TypeScript on Node 20.
import { parentPort } from "node:worker_threads";
import { type EvtxChunkJob, readChunkLogons } from "./read-chunk-logons.ts";

parentPort?.on("message", (message: { readonly id: number; readonly job: EvtxChunkJob }) => {
  parentPort?.postMessage({ id: message.id, result: readChunkLogons(message.job) });
});
