import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { loadCatalog } from "@calwise/catalog";
import { createApi } from "@calwise/http-api";
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
    .action(async (options: ServeOptions) => {
      const logger = pino({ base: { service: "calwise" } });
      const store = await openStore({ location: process.env.DATABASE_URL || options.dataDir });
      const webRoot = options.webDir ?? findWebDist();
      if (webRoot === undefined)
        logger.warn("the web app is not built (npm run build): serving the API only");
      const api = createApi({
        catalog: loadCatalog(),
        logger,
        store,
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
      const stop = (signal: string) => {
        logger.info({ signal }, "stopping");
        server.close(() => void store.close().then(() => logger.info("stopped")));
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
}
