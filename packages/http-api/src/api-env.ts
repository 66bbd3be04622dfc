import type { Logger } from "pino";

/** The per-request values middleware sets for routes: the request id and a logger that carries it. */
export interface ApiEnv {
  Variables: {
    requestId: string;
    logger: Logger;
  };
}
