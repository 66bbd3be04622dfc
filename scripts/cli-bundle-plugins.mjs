// esbuild plugins of the CLI bundle (scripts/build-cli.mjs): what a run of one command loads is what that
// command uses, so a small `calwise evaluate` compiles and runs a fraction of the code it did.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Imports from a workspace package's index (`import { x } from "@calwise/core"`) bundled as imports of the
 * files that define them. esbuild's code splitting puts a file in a command's chunks when the command reaches
 * it through any import of a file it uses, so through a package index every command reached every file of the
 * package: `calwise evaluate` loaded the audit's event readers and XML parser, and `calwise --version` all of
 * core, because the error table sits in the same index. The indexes only re-export (`export { … } from
 * "./file.ts"`); an import naming something an index does not re-export that way is left as it is (correct,
 * only not narrowed). Only the bundle changes: the sources, the tests and tsc still import the indexes.
 */
export function importDefiningFiles(root) {
  const packages = new Map();
  for (const name of readdirSync(join(root, "packages"))) {
    const index = join(root, "packages", name, "src", "index.ts");
    let text;
    try {
      text = readFileSync(index, "utf8");
    } catch {
      continue;
    }
    packages.set(`@calwise/${name}`, reExports(text, join(root, "packages", name, "src")));
  }
  return {
    name: "import-defining-files",
    setup(build) {
      build.onLoad({ filter: /[\\/](packages|apps)[\\/].*\.tsx?$/ }, (args) => {
        if (/[\\/]node_modules[\\/]/.test(args.path)) return undefined;
        const source = readFileSync(args.path, "utf8");
        const contents = source.replace(
          /import\s*\{([^}]*)\}\s*from\s*"(@calwise\/[a-z-]+)";/g,
          (statement, list, from) => {
            const imports = narrowed(list, packages.get(from));
            // As many lines as the statement had: the source map's lines below it stay where they were.
            return imports === undefined
              ? statement
              : `${imports}${"\n".repeat(statement.split("\n").length - 1)}`;
          },
        );
        return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
      });
    },
  };
}

/** Exported name → { file, name } for every `export { … } from "./file.ts"` of an index. */
function reExports(text, dir) {
  const map = new Map();
  for (const [, list, from] of text.matchAll(
    /export\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"([^"]+)";/g,
  ))
    for (const specifier of specifiers(list)) {
      if (specifier.type) continue;
      map.set(specifier.local, { file: resolve(dir, from), name: specifier.imported });
    }
  return map;
}

/** The import statement as imports of the defining files, or undefined if a value is not re-exported plainly. */
function narrowed(list, exports) {
  if (exports === undefined) return undefined;
  const byFile = new Map();
  for (const specifier of specifiers(list)) {
    if (specifier.type) continue; // erased by TypeScript (verbatimModuleSyntax marks every type import)
    const target = exports.get(specifier.imported);
    if (target === undefined) return undefined;
    const names = byFile.get(target.file) ?? [];
    names.push(`${target.name} as ${specifier.local}`);
    byFile.set(target.file, names);
  }
  return [...byFile]
    .map(([file, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(file)};`)
    .join(" ");
}

function specifiers(list) {
  return list
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const type = part.startsWith("type ");
      const [imported, local = imported] = part
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .map((name) => name.trim());
      return { type, imported, local };
    });
}

/**
 * zod's `z` namespace re-exports every locale (`z.locales`, 270 KB of minified code, a third of the core
 * chunk), which a bundle cannot leave out of a namespace; calwise uses English messages only (zod's default,
 * which zod imports from `locales/en.js` itself), so the locales index is bundled as English alone.
 */
export const englishZodOnly = {
  name: "english-zod-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: "zod-locales-english-only", namespace: "calwise" }
        : undefined,
    );
    build.onLoad({ filter: /^zod-locales-english-only$/, namespace: "calwise" }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: process.cwd(),
      loader: "js",
    }));
  },
};

/**
 * zod, yaml and commander (a third of what a small `calwise evaluate` compiles, and most of its start) bundled
 * apart, each as a script `vendor-<package>.js`, which `cli-vendor-loader.mjs` runs through `vm.Script` with
 * V8's code cache (`vendor-<package>.cache`, written by the build): Node 20 caches no compiled ES module (Node
 * 22's `module.enableCompileCache`), but it takes a script's cached code. A cache another V8 made is rejected
 * and the script compiled as before. In the bundle, each package is a module re-exporting the script's names
 * (every name the package exports, listed from the package itself at build time), so there is one copy of each,
 * loaded only by the commands that import it.
 */
export function cachedVendor(root, packages) {
  const loader = join(root, "scripts", "cli-vendor-loader.mjs");
  const names = new Set(packages);
  return {
    name: "cached-vendor",
    setup(build) {
      build.onResolve({ filter: /^[a-z]/ }, (args) =>
        names.has(args.path) ? { path: args.path, namespace: "calwise-vendor" } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "calwise-vendor" }, async (args) => {
        const exported = Object.keys(await import(args.path));
        const lines = exported.map(
          (name, i) =>
            `const v${i} = vendor[${JSON.stringify(name)}];\nexport { v${i} as ${name} };`,
        );
        return {
          contents: `import { loadVendor } from ${JSON.stringify(loader)};\nconst vendor = loadVendor(${JSON.stringify(args.path)});\n${lines.join("\n")}\n`,
          resolveDir: root,
          loader: "js",
        };
      });
    },
  };
}
