// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createFlowNetworkBuilder } from "./build-flow-network.ts";

test("createFlowNetworkBuilder", async (t) => {
  await t.test(
    "numbers nodes and arcs in order and packs them into exact-length typed arrays",
    () => {
      const builder = createFlowNetworkBuilder();
      assert.deepEqual([builder.addNode(), builder.addNode(), builder.addNode()], [0, 1, 2]);
      assert.equal(builder.addArc(0, 1, 5), 0);
      assert.equal(builder.addArc(1, 2, Number.POSITIVE_INFINITY), 1);
      const network = builder.build(0, 2);
      assert.equal(network.nodeCount, 3);
      assert.equal(network.source, 0);
      assert.equal(network.sink, 2);
      assert.deepEqual(network.arcFrom, Int32Array.of(0, 1));
      assert.deepEqual(network.arcTo, Int32Array.of(1, 2));
      assert.deepEqual(network.arcCapacity, Float64Array.of(5, Number.POSITIVE_INFINITY));
    },
  );

  await t.test("grows past its first allocation without losing arcs", () => {
    const builder = createFlowNetworkBuilder(1);
    for (let node = 0; node < 1000; node++) builder.addNode();
    for (let arc = 0; arc < 5000; arc++) builder.addArc(arc % 1000, (arc * 7 + 1) % 1000, arc);
    const network = builder.build(0, 999);
    assert.equal(network.arcFrom.length, 5000);
    for (let arc = 0; arc < 5000; arc++) {
      assert.equal(network.arcFrom[arc], arc % 1000);
      assert.equal(network.arcTo[arc], (arc * 7 + 1) % 1000);
      assert.equal(network.arcCapacity[arc], arc);
    }
  });

  await t.test("build is a snapshot: arcs added later do not change an earlier network", () => {
    const builder = createFlowNetworkBuilder();
    builder.addNode();
    builder.addNode();
    builder.addArc(0, 1, 1);
    const first = builder.build(0, 1);
    builder.addArc(1, 0, 2);
    assert.equal(first.arcFrom.length, 1);
    assert.equal(builder.build(0, 1).arcFrom.length, 2);
  });

  await t.test("rejects capacities that are negative, fractional, unsafe or NaN", () => {
    const builder = createFlowNetworkBuilder();
    builder.addNode();
    builder.addNode();
    for (const capacity of [-1, 1.5, Number.NaN, 2 ** 53, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => builder.addArc(0, 1, capacity), RangeError, `capacity ${capacity}`);
    }
  });

  await t.test("rejects arcs to unknown nodes and a source equal to the sink", () => {
    const builder = createFlowNetworkBuilder();
    builder.addNode();
    builder.addNode();
    assert.throws(() => builder.addArc(0, 2, 1), RangeError);
    assert.throws(() => builder.addArc(-1, 1, 1), RangeError);
    assert.throws(() => builder.build(1, 1), RangeError);
    assert.throws(() => builder.build(0, 5), RangeError);
  });
});
