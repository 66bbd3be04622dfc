// The ceiling of the server benchmark: a bare Hono handler on @hono/node-server, no middleware, no store,
// in a process of its own as `calwise serve` is. Argument: the port. Says "listening" as calwise serve does.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/bare", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.argv[2]) }, () =>
  process.stdout.write('{"msg":"listening"}\n'),
);
