// The web app's API types, rendered from the service's own OpenAPI document: the script writes them, the
// test in test/web compares them, so a route changed without regenerating fails `npm test`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "@calwise/catalog";
import { createApi } from "@calwise/http-api";
import { openStore } from "@calwise/storage";
import openapiTS, { astToString } from "openapi-typescript";
import pino from "pino";

/** Where the generated types live (imported by apps/web/src/api/api-client.ts). */
export const webApiTypesPath = "apps/web/src/api/openapi-types.ts";

/** The OpenAPI document `calwise serve` answers at /openapi.json, from a service on a throwaway store. */
export async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "calwise-openapi-"));
  const store = await openStore({ location: dir });
  try {
    const app = createApi({
      catalog: loadCatalog(),
      logger: pino({ level: "silent" }),
      store,
      dataDir: dir,
      ready: async () => true,
      now: () => new Date(),
    });
    return (await (await app.request("/openapi.json")).json()) as Record<string, unknown>;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript types of the document, formatted by Biome as the repository's code is. */
export async function renderWebApiTypes(): Promise<string> {
  const ast = await openapiTS(JSON.stringify(await readOpenApiDocument()) as never);
  const text = `// Generated from /openapi.json by apps/web/scripts/generate-web-api-types.ts (npm run web-api-types): do not edit.\n${astToString(ast)}`;
  const formatted = spawnSync("npx", ["biome", "format", `--stdin-file-path=${webApiTypesPath}`], {
    input: text,
    encoding: "utf8",
  });
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}
