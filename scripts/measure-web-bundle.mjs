// Measures the web app's production bundle: builds apps/web (as scripts/build-web.mjs does) into a temporary
// directory with Vite's manifest, then prints every chunk's raw and gzip size (gzip -9, as `calwise serve`
// sends it) and what each screen loads on a first visit (the entry, its CSS, the screen's chunk and every
// chunk they import). Markdown tables, for docs/benchmarks.md. Run: node scripts/measure-web-bundle.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const outDir = mkdtempSync(join(tmpdir(), "calwise-web-bundle-"));
try {
  await build({
    configFile: "apps/web/vite.config.ts",
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const sizes = new Map();
  for (const name of readdirSync(join(outDir, "assets"))) {
    const body = readFileSync(join(outDir, "assets", name));
    sizes.set(`assets/${name}`, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const kb = (n) => (n / 1024).toFixed(1);
  const rows = [...sizes].sort((a, b) => b[1].gzip - a[1].gzip);
  console.log("| chunk | raw KB | gzip KB |\n| --- | ---: | ---: |");
  for (const [file, s] of rows)
    console.log(
      `| \`${file.replace(/^assets\//, "").replace(/-[\w-]{8}\./, ".")}\` | ${kb(s.raw)} | ${kb(s.gzip)} |`,
    );
  const total = rows.reduce((t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), {
    raw: 0,
    gzip: 0,
  });
  console.log(`| all assets | ${kb(total.raw)} | ${kb(total.gzip)} |`);

  // What a first visit to each screen loads: the entry and its CSS, the screen's lazy chunk, and the static
  // imports of both, each once.
  const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8"));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const closure = (key, seen = new Set()) => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(chunk.file)) return seen;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = closure(entryKey);
  const html = statSync(join(outDir, "index.html")).size;
  console.log("\n| first visit to | gzip KB (with index.html) |\n| --- | ---: |");
  for (const key of Object.keys(manifest)
    .filter((k) => k.includes("/screens/"))
    .sort()) {
    const files = closure(key, new Set(entry));
    const gzip = [...files].reduce((t, f) => t + (sizes.get(f)?.gzip ?? 0), 0);
    const screen = key.replace(/^.*\/screens\//, "").replace(/-screen\.tsx$/, "");
    console.log(
      `| ${screen} | ${kb(gzip + gzipSync(readFileSync(join(outDir, "index.html")), { level: 9 }).length)} |`,
    );
  }
  console.log(`\nindex.html: ${html} bytes raw`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
