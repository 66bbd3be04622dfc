import assert from "node:assert/strict";
import { test } from "node:test";
import { nameCals } from "./name-cals.ts";

test("nameCals works the type and number into a family's name", () => {
  assert.equal(nameCals("Windows Server CAL", "device", 1), "Windows Server device CAL");
  assert.equal(nameCals("Windows Server CAL", "user", 3), "Windows Server user CALs");
  assert.equal(
    nameCals("Exchange Server Enterprise CAL (additive)", "user", 2),
    "Exchange Server Enterprise user CALs (additive)",
  );
  assert.equal(nameCals("Core CAL Suite", "user", 1), "Core user CAL Suite");
  assert.equal(nameCals("Office Web Apps", "device", 2), "Office Web Apps device CALs");
});
