import { useSyncExternalStore } from "react";
import type { Schema } from "../api/api-client.ts";

/** Who is signed in, as sign-in answered (the session itself is an HttpOnly cookie the page never sees). */
export type Session = Omit<Schema<"SignedIn">, "csrfToken">;

const key = "calwise.session";
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: Session | undefined } = { raw: null, value: undefined };

function read(): Session | undefined {
  const raw = sessionStorage.getItem(key);
  if (raw !== cached.raw)
    cached = { raw, value: raw === null ? undefined : (JSON.parse(raw) as Session) };
  return cached.value;
}

/** Remembers the signed-in user for this tab (names for the header; no secret is kept here). */
export function saveSession(session: Session | undefined): void {
  if (session === undefined) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, JSON.stringify(session));
  for (const listener of listeners) listener();
}

/** The signed-in user of this tab, or undefined; re-renders when it changes. */
export function useSession(): Session | undefined {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}
