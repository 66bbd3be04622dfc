import type { Catalog } from "@calwise/core";
import type { Store } from "@calwise/storage";
import type { Logger } from "pino";

/** What the HTTP API is given by its composition root (`calwise serve`): it chooses none of them itself. */
export interface ServerDependencies {
  readonly catalog: Catalog;
  readonly logger: Logger;
  /** The store every organisation-scoped route reads and writes (SQLite or PostgreSQL). */
  readonly store: Store;
  /** Whether session cookies carry `Secure` (the service is reached over TLS, `--secure-cookies`). */
  readonly secureCookies?: boolean;
  /** Whether the store answers (for `/readyz`). */
  readonly ready: () => Promise<boolean>;
  /** The built web app (apps/web/dist) served at `/`; none: the service answers only the API. */
  readonly webRoot?: string;
  /** The clock, passed in so tests can fix it. */
  readonly now: () => Date;
}
