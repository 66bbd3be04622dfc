import { startThrowawayPostgres } from "@calwise/storage/testing";
import { runCustomerFlows } from "./customer-flows.ts";
import { runFinishFlows } from "./finish-flows.ts";
import { runGapsFlows } from "./gaps-flows.ts";
import { runPolishFlows } from "./polish-flows.ts";
import { runQuoteFlows } from "./quote-flows.ts";
import { runSalesFlows } from "./sales-flows.ts";
import { runWebAfterFlows } from "./web-after-flows.ts";
import { runWebCustomerFlows } from "./web-customer-flows.ts";
import { runWebFlows } from "./web-flows.ts";
import { runWebPhoneFlows } from "./web-phone-flows.ts";
import { runReviewFlows } from "./web-review-flows.ts";

const makeStore = async () => {
  const cluster = await startThrowawayPostgres();
  return { location: cluster.url, remove: () => cluster.stop() };
};
runWebFlows("postgresql", makeStore);
runCustomerFlows("postgresql", makeStore);
runQuoteFlows("postgresql", makeStore);
runReviewFlows("postgresql", makeStore);
runSalesFlows("postgresql", makeStore);
runPolishFlows("postgresql", makeStore);
runFinishFlows("postgresql", makeStore);
runGapsFlows("postgresql", makeStore);
runWebCustomerFlows("postgresql", makeStore);
runWebAfterFlows("postgresql", makeStore);
runWebPhoneFlows("postgresql", makeStore);
