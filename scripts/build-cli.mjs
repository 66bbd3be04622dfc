// Bundles the CLI (apps/cli/src/main.ts and the workspace packages it imports) into ES modules (an entry and
// a chunk per command and per shared part), so `calwise` starts in a fraction of a second instead of compiling TypeScript on every run.
// zod, yaml and commander go in scripts of their own with a V8 code cache, and the shipped catalog comes
// validated (scripts/cli-bundle-plugins.mjs, ARCHITECTURE.md "CLI start-up").
// Runs on `npm install`/`npm ci` (the root `prepare` script) and before the tests.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Script } from "node:vm";
import { build } from "esbuild";
import { parse } from "yaml";
import { cachedVendor, englishZodOnly, importDefiningFiles } from "./cli-bundle-plugins.mjs";

/** The packages bundled apart with a V8 code cache (`cachedVendor`): most of what every command compiles. */
const vendorPackages = ["zod", "yaml", "commander"];

// The shipped catalog validated here, once, by the engine's own validateCatalog (bundled for this script, which
// runs without tsx): the bundle reads the accepted data from apps/cli/dist/shipped-catalog.json instead of
// parsing and validating the YAML on every run. A catalog that does not validate stops the build.
const { validateCatalog } = await import(
  `data:text/javascript;base64,${Buffer.from(
    (
      await build({
        entryPoints: ["packages/core/src/catalog/validate-catalog.ts"],
        bundle: true,
        write: false,
        platform: "node",
        format: "esm",
        logLevel: "warning",
      })
    ).outputFiles[0].contents,
  ).toString("base64")}`
);
const validated = validateCatalog(
  parse(readFileSync("packages/catalog/data/catalog.yaml", "utf8")),
);
if (!validated.success)
  throw new Error(
    `packages/catalog/data/catalog.yaml is invalid: ${JSON.stringify(validated.problems)}`,
  );

// Each command is a chunk of its own, loaded when it runs (apps/cli/src/main.ts): `calwise evaluate` compiles
// and starts neither the server nor the audit's readers. The chunks sit beside calwise.mjs, so paths relative to
// the bundle (the catalog, the EVTX worker) hold in every chunk; those of an earlier build are removed first.
mkdirSync("apps/cli/dist", { recursive: true });
for (const name of readdirSync("apps/cli/dist", { withFileTypes: true }))
  if (name.isFile() && /-[A-Z0-9]{8}\.mjs(\.map)?$/.test(name.name))
    rmSync(`apps/cli/dist/${name.name}`);
await build({
  entryPoints: { calwise: "apps/cli/src/main.ts" },
  outdir: "apps/cli/dist",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  // The catalog data is read from packages/catalog/data at run time; keep import.meta.url working for it.
  banner: {
    js: "import { createRequire as __cwCreateRequire } from 'node:module'; const require = __cwCreateRequire(import.meta.url);",
  },
  // Native and file-reading packages of `calwise serve` stay outside the bundle, resolved from node_modules;
  // so does HiGHS, which loads its WebAssembly file from beside its own module.
  external: ["better-sqlite3", "pg", "pino", "swagger-ui-dist", "highs"],
  minify: true,
  keepNames: true,
  plugins: [importDefiningFiles(process.cwd()), cachedVendor(process.cwd(), vendorPackages)],
  define: {
    CALWISE_CATALOG_RELATIVE_URL: JSON.stringify("../../../packages/catalog/data/catalog.yaml"),
    CALWISE_CATALOG_SNAPSHOT_RELATIVE_URL: JSON.stringify("./shipped-catalog.json"),
    CALWISE_EVTX_WORKER_RELATIVE_URL: JSON.stringify("./evtx-chunk-worker.mjs"),
    CALWISE_WINLOGBEAT_WORKER_RELATIVE_URL: JSON.stringify("./winlogbeat-range-worker.mjs"),
  },
});

writeFileSync("apps/cli/dist/shipped-catalog.json", JSON.stringify(validated.value.data));

// The vendor scripts (`cachedVendor`): each package as a function of `require` returning its exports. Then
// each one's code cache, made by this Node after running it and a little of what a run does with it (parse
// YAML, build and apply a schema, parse options), so the functions a run calls first are in the cache too.
const vendorWarmUps = {
  zod: ({ z }) =>
    z
      .strictObject({ name: z.string().min(1), count: z.number().int().default(1) })
      .safeParse({ name: "x", count: 2 }),
  yaml: (yaml) => yaml.parseDocument("name: x\ncount: [1, 2]\n", { keepSourceTokens: true }).toJS(),
  commander: ({ Command }) =>
    new Command().name("warm").option("--json").parse(["node", "warm", "--json"]),
};
for (const name of vendorPackages) {
  const script = (
    await build({
      stdin: {
        contents: `export * as vendor from ${JSON.stringify(name)};`,
        resolveDir: process.cwd(),
        loader: "js",
      },
      bundle: true,
      write: false,
      platform: "node",
      format: "iife",
      globalName: "__calwiseVendor",
      target: "node20",
      logLevel: "warning",
      minify: true,
      keepNames: true,
      plugins: [englishZodOnly],
    })
  ).outputFiles[0].text;
  const file = resolve(`apps/cli/dist/vendor-${name}.js`);
  writeFileSync(file, `(function (require) {\n${script}\nreturn __calwiseVendor.vendor;\n})`);
  const compiled = new Script(readFileSync(file, "utf8"), { filename: file });
  vendorWarmUps[name]?.(compiled.runInThisContext()(createRequire(file)));
  writeFileSync(`apps/cli/dist/vendor-${name}.cache`, compiled.createCachedData());
}

// The EVTX chunk worker (readEvtxLogonChunks) and the Winlogbeat range worker
// (groupWinlogbeatOnWorkers) beside the CLI bundle: worker threads load a file of their own, and
// cannot load TypeScript on Node 20.
for (const [entry, out] of [
  ["packages/evidence/src/evtx/evtx-chunk-worker.ts", "apps/cli/dist/evtx-chunk-worker.mjs"],
  [
    "packages/evidence/src/jsonl/winlogbeat-range-worker.ts",
    "apps/cli/dist/winlogbeat-range-worker.mjs",
  ],
]) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    minify: true,
    keepNames: true,
  });
}
