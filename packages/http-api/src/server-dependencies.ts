import type { Catalog } from "@calwise/core";
import type { Logger } from "pino";

/** What the HTTP API is given by its composition root (`calwise serve`): it chooses none of them itself. */
export interface ServerDependencies {
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** Whether the store answers (for `/readyz`). */
  readonly ready: () => Promise<boolean>;
  /** The clock, passed in so tests can fix it. */
  readonly now: () => Date;
}
