// Part of the CLI bundle (see `cachedVendor` in scripts/cli-bundle-plugins.mjs): runs `vendor-<package>.js`, a
// bundled package, from beside the bundle with the V8 code cache the build wrote, so a run does not compile it
// again. Without the cache (or with one another V8 made, which V8 rejects) it compiles it as before.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** A package's exports, as `import * as` gives them. */
export function loadVendor(name) {
  const file = fileURLToPath(new URL(`./vendor-${name}.js`, import.meta.url));
  let cachedData;
  try {
    cachedData = readFileSync(fileURLToPath(new URL(`./vendor-${name}.cache`, import.meta.url)));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
  return script.runInThisContext()(createRequire(import.meta.url));
}
