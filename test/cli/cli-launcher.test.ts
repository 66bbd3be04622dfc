import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { root } from "./run-cli.ts";

/**
 * The real launcher (`apps/cli/bin/calwise.js`) copied into a small tree of its own: a "bundle" and a
 * "main.ts" that each print which one ran, and sources whose times are set. A checkout runs the sources when
 * one is newer than the bundle (never a stale bundle); an installed copy, inside node_modules, runs its
 * bundle without looking at the sources.
 */
const base = mkdtempSync(join(tmpdir(), "calwise-launcher-"));
after(() => rmSync(base, { recursive: true, force: true }));

function tree(at: string): { run: () => string; touch: (file: string, seconds: number) => void } {
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(at, file)), { recursive: true });
    writeFileSync(join(at, file), text);
  };
  mkdirSync(join(at, "apps/cli/bin"), { recursive: true });
  copyFileSync(join(root, "apps/cli/bin/calwise.js"), join(at, "apps/cli/bin/calwise.js"));
  // tsx is found from the launcher's directory, as in the repository.
  symlinkSync(join(root, "node_modules"), join(at, "node_modules"));
  put("package.json", '{ "type": "module" }\n');
  put("apps/cli/dist/calwise.mjs", 'console.log("bundle");\n');
  put("apps/cli/src/main.ts", 'const ran: string = "sources";\nconsole.log(ran);\n');
  put("packages/core/src/model.ts", "export const x = 1;\n");
  const touch = (file: string, seconds: number) => utimesSync(join(at, file), seconds, seconds);
  for (const f of ["apps/cli/src/main.ts", "packages/core/src/model.ts"]) touch(f, 1_000);
  touch("apps/cli/dist/calwise.mjs", 2_000);
  const run = () => {
    const r = spawnSync(process.execPath, [join(at, "apps/cli/bin/calwise.js")], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  return { run, touch };
}

test("a checkout runs its bundle only while it is newer than every source it is built from", () => {
  const checkout = tree(join(base, "checkout"));
  assert.equal(checkout.run(), "bundle");
  checkout.touch("packages/core/src/model.ts", 3_000);
  assert.equal(checkout.run(), "sources", "an edited source is never run from a stale bundle");
});

test("an installed copy (inside node_modules) runs its bundle without looking at the sources", () => {
  const installed = tree(join(base, "node_modules/calwise"));
  installed.touch("packages/core/src/model.ts", 3_000);
  assert.equal(installed.run(), "bundle");
});
