import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CalwiseError } from "@calwise/core";
import { scratchDirectory } from "../../../test/scratch-directory.ts";
import { readDocumentFile } from "./read-document-file.ts";
import { resolveNamedPath } from "./resolve-named-path.ts";

// A real folder: project/deployment.yaml names files; outside/ is a sibling it must not reach.
const root = scratchDirectory("calwise-named-path-");
const project = join(root, "project");
mkdirSync(join(project, "prices"), { recursive: true });
mkdirSync(join(root, "outside"));
writeFileSync(join(project, "prices", "list.yaml"), "currency: EUR\nitems: []\n");
writeFileSync(join(root, "outside", "secret.yaml"), "currency: EUR\nitems: []\n");
symlinkSync(join(root, "outside"), join(project, "link-out"));
symlinkSync(join(project, "prices"), join(project, "link-in"));
const naming = join(project, "deployment.yaml");
writeFileSync(naming, "name: d\nprices: whatever\n");
const document = readDocumentFile(naming);

function refused(named: string): CalwiseError {
  try {
    resolveNamedPath(document, "prices", named);
  } catch (error) {
    if (error instanceof CalwiseError) return error;
    throw error;
  }
  assert.fail(`${named} was not refused`);
}

test("refuses ../../etc/passwd with the naming file, line and column", () => {
  const error = refused("../../etc/passwd");
  assert.equal(error.code, "INPUT_INVALID");
  assert.deepEqual(
    error.problems.map((p) => [p.code, p.file, p.line, p.column, p.path, p.received]),
    [["PATH_OUTSIDE", naming, 2, 9, "prices", "../../etc/passwd"]],
  );
  assert.match(error.problems[0]?.expected ?? "", /a path inside .*project/);
});

test("refuses an absolute path elsewhere and a sibling folder", () => {
  assert.equal(refused("/etc/passwd").problems[0]?.code, "PATH_OUTSIDE");
  assert.equal(refused("../outside/secret.yaml").problems[0]?.code, "PATH_OUTSIDE");
});

test("refuses a symbolic link that leads out, even to a file that does not exist", () => {
  assert.equal(refused("link-out/secret.yaml").problems[0]?.code, "PATH_OUTSIDE");
  assert.equal(refused("link-out/missing.yaml").problems[0]?.code, "PATH_OUTSIDE");
});

test("accepts paths inside the folder: relative, absolute, through a link inside, and missing files", () => {
  assert.equal(
    resolveNamedPath(document, "prices", "prices/list.yaml"),
    join(project, "prices/list.yaml"),
  );
  const absolute = join(project, "prices", "list.yaml");
  assert.equal(resolveNamedPath(document, "prices", absolute), absolute);
  assert.equal(
    resolveNamedPath(document, "prices", "link-in/list.yaml"),
    join(project, "link-in/list.yaml"),
  );
  assert.equal(
    resolveNamedPath(document, "prices", "prices/../prices/new.yaml"),
    join(project, "prices/new.yaml"),
  );
});
