// Set by the CLI's bundle (scripts/build-cli.mjs): where the bundled chunk worker lies, relative to
// the bundle. Undefined when the sources run as TypeScript (tsx), where workers cannot start.
declare const CALWISE_EVTX_WORKER_RELATIVE_URL: string | undefined;

/** The bundled EVTX chunk worker beside the running bundle, or undefined outside a bundle. */
export function defaultEvtxWorkerScript(): URL | undefined {
  return typeof CALWISE_EVTX_WORKER_RELATIVE_URL === "string"
    ? new URL(CALWISE_EVTX_WORKER_RELATIVE_URL, import.meta.url)
    : undefined;
}
