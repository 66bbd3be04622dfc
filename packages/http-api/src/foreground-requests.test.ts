import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import { countForegroundRequests, giveWayToForeground } from "./foreground-requests.ts";

test("a computation's turn waits for the requests being answered, not for the computations or event streams", async () => {
  const app = new Hono();
  app.use("/v1/*", countForegroundRequests());
  const order: string[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  for (const path of ["/v1/quotes/q1/issue", "/v1/advice/costs", "/v1/jobs/j1/events"])
    app.post(path, async (c) => {
      await gate;
      order.push(`answered ${path}`);
      return c.text("ok");
    });
  // A computation and an event stream in flight do not hold a turn back.
  const computing = app.request("/v1/advice/costs", { method: "POST" });
  const streaming = app.request("/v1/jobs/j1/events", { method: "POST" });
  await giveWayToForeground();
  order.push("turn");
  // An issue in flight does: the turn comes after its answer.
  const issuing = app.request("/v1/quotes/q1/issue", { method: "POST" });
  const turn = giveWayToForeground().then(() => order.push("turn"));
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await Promise.all([computing, streaming, issuing, turn]);
  assert.deepEqual(order.slice(0, 1), ["turn"]);
  assert.ok(
    order.indexOf("answered /v1/quotes/q1/issue") < order.lastIndexOf("turn"),
    order.join(", "),
  );
});
