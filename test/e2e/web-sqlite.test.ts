import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const dataDir = mkdtempSync(join(tmpdir(), "calwise-web-sqlite-"));
  return {
    location: dataDir,
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
};
runWebFlows("sqlite", makeStore);
runCustomerFlows("sqlite", makeStore);
runQuoteFlows("sqlite", makeStore);
runReviewFlows("sqlite", makeStore);
runSalesFlows("sqlite", makeStore);
runPolishFlows("sqlite", makeStore);
runFinishFlows("sqlite", makeStore);
runGapsFlows("sqlite", makeStore);
runWebCustomerFlows("sqlite", makeStore);
runWebAfterFlows("sqlite", makeStore);
runWebPhoneFlows("sqlite", makeStore);
