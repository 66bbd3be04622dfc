import assert from "node:assert/strict";
import { test } from "node:test";
import { answerSaleQuestion } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { countDeployment } from "./edition-advice-panel.tsx";

test("a point-of-sale quote's deployment gives the advice panel its shared devices", () => {
  const { deployment } = answerSaleQuestion({
    question: { product: "ws2012-standard", users: 5, devices: 9, sharedDevices: 4, rds: true },
    catalog: loadCatalog(),
  });
  assert.deepEqual(countDeployment(deployment), {
    users: 5,
    devices: 9,
    sharedDevices: 4,
    needs: ["remote-desktop"],
  });
});
