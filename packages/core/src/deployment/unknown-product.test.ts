import assert from "node:assert/strict";
import { test } from "node:test";
import { unknownProduct } from "./unknown-product.ts";

const products = [
  { id: "ws2019-standard", name: "Windows Server 2019 Standard" },
  { id: "ws2019-datacenter", name: "Windows Server 2019 Datacenter" },
  { id: "ws2022-standard", name: "Windows Server 2022 Standard" },
  { id: "sql2019-standard", name: "SQL Server 2019 Standard (Server + CAL)" },
];

test("a misspelt name or id is answered with the nearest products of the catalog", () => {
  for (const typed of ["Windows Server 2019 Standrad", "ws2019-standrad", "ws2019 std"])
    assert.equal(
      unknownProduct("servers[0].product", "product", typed, products).message,
      `unknown product '${typed}': did you mean ws2019-standard (Windows Server 2019 Standard)?`,
    );
  const two = unknownProduct("p", "product", "2019 Standrad", products);
  assert.equal(
    two.message,
    "unknown product '2019 Standrad': did you mean ws2019-standard (Windows Server 2019 Standard) or sql2019-standard (SQL Server 2019 Standard (Server + CAL))?",
  );
  assert.equal(two.code, "UNKNOWN_REFERENCE");
  assert.equal(two.received, "2019 Standrad");
});

test("a name near nothing lists the products that exist, as before", () => {
  const p = unknownProduct("p", "product", "Exchange 2003", products);
  assert.equal(p.message, "unknown product 'Exchange 2003'");
  assert.equal(p.expected, `one of ${products.map((x) => x.id).join(", ")}`);
});
