import { startThrowawayPostgres } from "@calwise/storage/testing";
import { runQuoteFlows } from "./quote-flows.ts";
import { runWebFlows } from "./web-flows.ts";

runWebFlows("postgresql", async () => {
  const cluster = await startThrowawayPostgres();
  return { location: cluster.url, remove: () => cluster.stop() };
});
runQuoteFlows("postgresql");
