// Set by the CLI's bundle (scripts/build-cli.mjs): where the bundled Winlogbeat range worker lies,
// relative to the bundle. Undefined when the sources run as TypeScript (tsx), where workers cannot start.
declare const CALWISE_WINLOGBEAT_WORKER_RELATIVE_URL: string | undefined;

/** The bundled Winlogbeat range worker beside the running bundle, or undefined outside a bundle. */
export function defaultWinlogbeatWorkerScript(): URL | undefined {
  return typeof CALWISE_WINLOGBEAT_WORKER_RELATIVE_URL === "string"
    ? new URL(CALWISE_WINLOGBEAT_WORKER_RELATIVE_URL, import.meta.url)
    : undefined;
}
