// In-memory inputs for the use case tests: no file is read for them (the tests pass the shipped catalog in).
import type { DatedPriceList } from "@calwise/core";

/** Hypothetical prices (integer cents), not Microsoft's. */
export const priceList = {
  name: "test prices",
  currency: "EUR",
  items: [
    { sku: "WS-STD", product: "ws2012-standard", packSize: 1, price: 70000 },
    { sku: "CAL-U", family: "ws-cal", version: "2012", type: "user", packSize: 1, price: 3000 },
    { sku: "CAL-D", family: "ws-cal", version: "2012", type: "device", packSize: 1, price: 2500 },
  ],
} as const;

/** The same prices as a reseller's dated list, valid in the second half of 2026. */
export const datedPriceList: DatedPriceList = {
  ...priceList,
  items: priceList.items.map((item) => ({ ...item })),
  validFrom: "2026-07-01",
  validTo: "2026-12-31",
};

/** Two users on one shared device against one server: one device CAL is the cheapest cover. */
export const deploymentData = {
  name: "two users, one kiosk",
  servers: [{ name: "S1", product: "ws2012-standard" }],
  users: ["alice", "bob"],
  devices: ["kiosk"],
  accesses: [
    { user: "alice", device: "kiosk", server: "S1" },
    { user: "bob", device: "kiosk", server: "S1" },
  ],
};
