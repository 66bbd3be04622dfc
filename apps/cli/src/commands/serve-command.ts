import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import {
  createApi,
  createJobWorker,
  defaultMaxAuditFiles,
  defaultUploadLimits,
  removeIncomingUploads,
} from "@calwise/http-api";
import { loadHighsSolver } from "@calwise/node-files";
import { openStore } from "@calwise/storage";
import { serve } from "@hono/node-server";
import type { Command } from "commander";
import pino from "pino";

interface ServeOptions {
  host: string;
  port: string;
  dataDir: string;
  secureCookies?: boolean;
  webDir?: string;
  instance?: string;
  uploadMaxBytes: string;
  uploadMaxFiles: string;
  uploadMaxTotalBytes?: string;
  uploadIdleSeconds: string;
  uploadTotalSeconds: string;
}

/** The built web app (apps/web/dist, made by `npm ci`/`npm run build`), or undefined when it is not built. */
function findWebDist(): string | undefined {
  try {
    const dir = join(
      dirname(createRequire(import.meta.url).resolve("@calwise/web/package.json")),
      "dist",
    );
    return existsSync(join(dir, "index.html")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** A positive whole number option, or bad input naming the option. */
function readCount(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new CalwiseError("INPUT_INVALID", `${option} is not a positive whole number`, [
      { code: "OPTION", path: option, message: "not a positive whole number", received: value },
    ]);
  return n;
}

/**
 * `calwise serve`: the composition root of the HTTP API. It picks the store (DATABASE_URL's PostgreSQL, or
 * embedded SQLite in --data-dir), the catalog, the clock and the logger (pino JSON lines on stdout), and
 * stops cleanly on SIGTERM/SIGINT. Nothing is open: every route but health and docs needs an account.
 */
export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("run the HTTP API (http://127.0.0.1:8080; data in ./calwise-data or DATABASE_URL)")
    .option(
      "--host <host>",
      "address to listen on (CALWISE_HOST)",
      process.env.CALWISE_HOST ?? "127.0.0.1",
    )
    .option("--port <port>", "port to listen on (CALWISE_PORT)", process.env.CALWISE_PORT ?? "8080")
    .option(
      "--data-dir <dir>",
      "embedded SQLite data directory (CALWISE_DATA_DIR); DATABASE_URL=postgres://… takes PostgreSQL instead",
      process.env.CALWISE_DATA_DIR ?? "./calwise-data",
    )
    .option(
      "--web-dir <dir>",
      "the built web app to serve at / (CALWISE_WEB_DIR; default: apps/web/dist)",
      process.env.CALWISE_WEB_DIR,
    )
    .option(
      "--secure-cookies",
      "mark session cookies Secure (set when clients reach the service over TLS)",
    )
    .option(
      "--instance <name>",
      "this server's stable name for job leases (CALWISE_INSTANCE; default host:port): on restart it re-queues the jobs it held",
      process.env.CALWISE_INSTANCE,
    )
    .option(
      "--upload-max-bytes <n>",
      "largest evidence upload (CALWISE_UPLOAD_MAX_BYTES)",
      process.env.CALWISE_UPLOAD_MAX_BYTES ?? String(defaultUploadLimits.maxBytes),
    )
    .option(
      "--upload-max-files <n>",
      "most files one audit reads, sent at once or chosen (CALWISE_UPLOAD_MAX_FILES)",
      process.env.CALWISE_UPLOAD_MAX_FILES ?? String(defaultMaxAuditFiles),
    )
    .option(
      "--upload-max-total-bytes <n>",
      "most bytes of all the files of one upload together (CALWISE_UPLOAD_MAX_TOTAL_BYTES; default 4 × --upload-max-bytes)",
      process.env.CALWISE_UPLOAD_MAX_TOTAL_BYTES,
    )
    .option(
      "--upload-idle-seconds <n>",
      "cut an upload that sends nothing this long (CALWISE_UPLOAD_IDLE_SECONDS)",
      process.env.CALWISE_UPLOAD_IDLE_SECONDS ?? String(defaultUploadLimits.idleMs / 1000),
    )
    .option(
      "--upload-total-seconds <n>",
      "cut an upload still arriving after this long (CALWISE_UPLOAD_TOTAL_SECONDS)",
      process.env.CALWISE_UPLOAD_TOTAL_SECONDS ?? String(defaultUploadLimits.totalMs / 1000),
    )
    .action(async (options: ServeOptions) => {
      // Logs are written asynchronously (buffered while a write is under way, flushed at exit): a
      // synchronous write per request would stall the event loop whenever the reader of stdout is slow.
      const logger = pino({ base: { service: "calwise" } }, pino.destination({ sync: false }));
      const uploadLimits = {
        maxBytes: readCount(options.uploadMaxBytes, "--upload-max-bytes"),
        idleMs: readCount(options.uploadIdleSeconds, "--upload-idle-seconds") * 1000,
        totalMs: readCount(options.uploadTotalSeconds, "--upload-total-seconds") * 1000,
        maxFiles: readCount(options.uploadMaxFiles, "--upload-max-files"),
        ...(options.uploadMaxTotalBytes !== undefined
          ? { maxTotalBytes: readCount(options.uploadMaxTotalBytes, "--upload-max-total-bytes") }
          : {}),
      };
      // Uploads live in the data directory on PostgreSQL too (the database keeps their rows).
      mkdirSync(options.dataDir, { recursive: true });
      await removeIncomingUploads(options.dataDir, uploadLimits.idleMs);
      const store = await openStore({ location: process.env.DATABASE_URL || options.dataDir });
      const webRoot = options.webDir ?? findWebDist();
      if (webRoot === undefined)
        logger.warn("the web app is not built (npm run build): serving the API only");
      const catalog = loadCatalog();
      // HiGHS is loaded on the first evaluation a solver can help, bounded per request as in the CLI.
      const loadSolver = () => loadHighsSolver();
      const worker = createJobWorker({
        store,
        catalog,
        loadSolver,
        dataDir: options.dataDir,
        logger,
        instance: options.instance ?? `${hostname()}:${options.port}`,
      });
      const api = createApi({
        catalog,
        loadSolver,
        logger,
        store,
        dataDir: options.dataDir,
        uploadLimits,
        jobs: worker,
        secureCookies: options.secureCookies === true,
        ...(webRoot === undefined ? {} : { webRoot }),
        ready: async () => (await store.readSchemaVersion()) !== undefined,
        now: () => new Date(),
      });
      if ((await store.organisations.list()).length === 0)
        logger.warn(
          "the store has no organisation and no account yet: create the first owner with " +
            '`calwise user add --org "Your Organisation" --email you@example.com --role owner`',
        );
      const server = serve(
        { fetch: api.fetch, hostname: options.host, port: Number(options.port) },
        (info) =>
          logger.info(
            {
              address: info.address,
              port: info.port,
              store: store.dialect,
              web: webRoot !== undefined,
            },
            "listening",
          ),
      );
      // Node cuts any request after requestTimeout (5 minutes by default): an upload has its own limits.
      Object.assign(server, { requestTimeout: uploadLimits.totalMs + 60_000 });
      await worker.start();
      const stop = (signal: string) => {
        logger.info({ signal }, "stopping");
        server.close(
          () =>
            void worker
              .stop()
              .then(() => store.close())
              .then(() => logger.info("stopped")),
        );
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
}
