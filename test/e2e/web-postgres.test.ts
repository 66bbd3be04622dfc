import { startThrowawayPostgres } from "@calwise/storage/testing";
import { runSalesFlows } from "./sales-flows.ts";
import { runWebFlows } from "./web-flows.ts";

const makeStore = async () => {
  const cluster = await startThrowawayPostgres();
  return { location: cluster.url, remove: () => cluster.stop() };
};

runWebFlows("postgresql", makeStore);
runSalesFlows("postgresql", makeStore);
