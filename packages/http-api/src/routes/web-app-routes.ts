import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ApiEnv } from "../api-env.ts";

interface WebFile {
  readonly body: Uint8Array;
  readonly gzip: Uint8Array | undefined;
  readonly type: string;
  readonly etag: string;
}

const types: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};
const compressible = new Set([".html", ".js", ".css", ".svg", ".json", ".txt"]);

/** Paths the web app never answers: the API, its reference and the health checks keep their own 404s. */
const apiPaths = /^\/(v1(\/|$)|openapi\.json$|docs(\/|$)|healthz$|readyz$)/;

/** The page may load only what this server serves; no inline script, no framing, no referrer leaves. */
const htmlHeaders = {
  "content-security-policy":
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function readWebFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = `/${relative(root, full).split(sep).join("/")}`;
    const ext = extname(path);
    const body = readFileSync(full);
    files.set(path, {
      body,
      // Compressed once at start: the dist is small, and a slow connection gets the smallest download.
      gzip: compressible.has(ext) && body.length > 1024 ? gzipSync(body, { level: 9 }) : undefined,
      type: types[ext] ?? "application/octet-stream",
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    });
  }
  return files;
}

function send(c: Context<ApiEnv>, file: WebFile, cacheControl: string, extra: object = {}) {
  const headers: Record<string, string> = {
    "content-type": file.type,
    "cache-control": cacheControl,
    etag: file.etag,
    vary: "accept-encoding",
    "x-content-type-options": "nosniff",
    ...extra,
  };
  if (c.req.header("if-none-match") === file.etag)
    return new Response(null, { status: 304, headers });
  const gzip = file.gzip !== undefined && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
  if (gzip) headers["content-encoding"] = "gzip";
  const body = gzip ? file.gzip : file.body;
  return new Response(c.req.method === "HEAD" ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  });
}

/**
 * The web app (apps/web's built dist) at `/`: files read once at start and served from memory, gzipped when
 * the browser takes it; `/assets/*` (content-hashed names) cached for a year, everything else revalidated;
 * any other page path answers `index.html`, so the browser's router takes it (a missing asset stays 404).
 * Registered last: the API under /v1, /openapi.json, /docs and the health checks come first.
 */
export function registerWebAppRoutes(app: OpenAPIHono<ApiEnv>, webRoot: string): void {
  const files = readWebFiles(webRoot);
  const index = files.get("/index.html");
  if (index === undefined) throw new Error(`the web app is not built: no index.html in ${webRoot}`);
  const handler = async (c: Context<ApiEnv>, next: () => Promise<void>) => {
    const path = c.req.path;
    if (apiPaths.test(path)) return next();
    const file = files.get(path);
    if (file !== undefined && path !== "/index.html")
      return send(
        c,
        file,
        path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    if (path.startsWith("/assets/") || extname(path) !== "") return next();
    return send(c, index, "no-cache", htmlHeaders);
  };
  app.get("*", handler);
}
