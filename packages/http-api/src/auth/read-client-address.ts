import type { Context } from "hono";

/** The peer address of the connection (`@hono/node-server` puts the socket in `env`); "unknown" in-process. */
export function readClientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}
