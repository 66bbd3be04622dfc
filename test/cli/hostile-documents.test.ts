import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scratchDirectory } from "../scratch-directory.ts";
import { runCli } from "./run-cli.ts";

// Hostile and broken deployment files as `calwise evaluate` meets them: each is a clean exit 2 with the file
// and its line, never an internal error (exit 70), never a raw control character on the terminal.
const dir = scratchDirectory("calwise-hostile-");
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none reaches the terminal
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function refuse(path: string, message: RegExp, options: readonly string[] = []) {
  const r = runCli(["evaluate", path, ...options]);
  assert.equal(r.code, 2, `exit ${r.code}: ${r.stderr}`);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  assert.doesNotMatch(r.stderr, rawControl);
  assert.equal(r.stdout, "");
  return r.stderr;
}

test("a YAML alias bomb: exit 2 with the file and the line of the first alias", () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [p, n] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(",")}]`);
  }
  const path = write("bomb.yaml", `${lines.join("\n")}\n`);
  refuse(path, new RegExp(`${path}:2:\\d+: YAML aliases expand too far`));
});

test("a device is not a document: /dev/zero is refused before anything is read", () => {
  const path = write(
    "zero.yaml",
    "prices: /dev/zero\nservers: [{ name: S1, product: ws2012-standard }]\naccesses: []\n",
  );
  // Named in the file, it is outside the file's folder; given on the command line, it is not a regular file.
  refuse(path, new RegExp(`${path}:1:9: prices: a file may name only files in its own folder`));
  refuse(path, /\/dev\/zero: not a regular file/, ["--prices", "/dev/zero"]);
});

test("a binary file is 'not a text file', quoted short and escaped", () => {
  const bytes = Buffer.alloc(2 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  const stderr = refuse(write("binary.yaml", bytes), /not a text file/);
  assert.ok(stderr.length < 2000, `wrote ${stderr.length} bytes to standard error`);
});

test("a key twice in JSON is refused like in YAML", () => {
  const path = write(
    "twice.json",
    '{\n  "servers": [{ "name": "S1", "product": "ws2012-standard" }],\n  "servers": [],\n  "accesses": []\n}\n',
  );
  refuse(path, new RegExp(`${path}:3:3: the key "servers" appears twice`));
});

test("thousands of problems: the first 20 and a count of the rest", () => {
  const users = Array.from({ length: 5000 }, (_, i) => `  - { name: "U${i}\\u001b[2J", bogus: 1 }`);
  const path = write(
    "many.yaml",
    `servers: [{ name: S1, product: ws2012-standard }]\nusers:\n${users.join("\n")}\naccesses: []\n`,
  );
  const stderr = refuse(path, /\.\.\. and 4980 more problems/);
  assert.equal(stderr.trim().split("\n").length, 22, "the summary line, 20 problems, the count");
});
