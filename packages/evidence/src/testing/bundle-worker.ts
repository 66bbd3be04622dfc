import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

/**
 * Bundles a worker entry (TypeScript) into `directory` and returns the bundle's path: worker threads
 * cannot load TypeScript through tsx on Node 20, so tests bundle a worker as the CLI's build does.
 */
export function bundleWorker(entry: URL, directory: string): string {
  const path = fileURLToPath(entry);
  const outfile = join(directory, `${path.replace(/^.*\//, "").replace(/\.ts$/, "")}.mjs`);
  buildSync({
    entryPoints: [path],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}
