#!/usr/bin/env node
// The calwise command. Runs the bundle built by `npm run build` (done by `npm install`). In a checkout, only when
// the bundle is newer than every source file; otherwise it runs the TypeScript sources through
// tsx, so an edited checkout (and the repository's own tests) never runs stale code. An installed copy (inside a
// node_modules directory: npm unpacked it there and nothing edits it) runs its bundle without looking at the
// ~850 source files, a walk of 13–22 ms of CPU in a new process (docs/benchmarks.md, branch user-trips).
import { readdirSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";
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

const installed = root.split(sep).includes("node_modules");
let fresh = false;
try {
  const built = statSync(bundle).mtimeMs;
  fresh = installed || built >= newestSource();
} catch {
  fresh = false;
}
if (fresh) await import(bundle);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
