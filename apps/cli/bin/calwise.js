#!/usr/bin/env node
// The calwise command. Runs the bundle built by `npm run build` (done by `npm install`) when it is newer than
// every source file; otherwise runs the TypeScript sources through tsx, so an edited checkout never runs stale code.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const bundle = join(root, "apps/cli/dist/calwise.mjs");

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ["packages", "apps/cli/src"]) walk(join(root, dir));
  return newest;
}

let fresh = false;
try {
  fresh = statSync(bundle).mtimeMs >= newestSource();
} catch {
  fresh = false;
}
if (fresh) await import(bundle);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
