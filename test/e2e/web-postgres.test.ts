import { after, before } from "node:test";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@calwise/storage/testing";
import { runWebFlows } from "./web-flows.ts";

let cluster: ThrowawayPostgres | undefined;
before(async () => {
  cluster = await startThrowawayPostgres();
});
after(() => cluster?.stop());
runWebFlows("postgresql", () => {
  if (cluster === undefined) throw new Error("the PostgreSQL cluster did not start");
  return cluster.url;
});
