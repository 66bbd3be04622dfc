import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { AtServerLogons } from "./at-server-logons.ts";
import { sortByTexts } from "./sort-by-texts.ts";

test("logons at the server itself are counted per server and user in the order first seen, as a map by key counts them", () => {
  const name = fc.constantFrom("SRV1", "SRV2", "CORP\\alice", "CORP\\bob", "srv1", "\u0000", "");
  fc.assert(
    fc.property(
      fc.array(fc.tuple(name, name, fc.integer({ min: 1, max: 9 })), { maxLength: 3000 }),
      (logons) => {
        const kept = new AtServerLogons();
        const byKey = new Map<string, { server: string; user: string; events: number }>();
        for (const [server, user, events] of logons) {
          kept.add(server, user, events);
          const key = JSON.stringify([server, user]);
          const entry = byKey.get(key);
          if (entry) entry.events += events;
          else byKey.set(key, { server, user, events });
        }
        assert.equal(kept.size, byKey.size);
        assert.deepEqual(
          kept.map((server, user, events) => ({ server, user, events })),
          [...byKey.values()],
        );
        // Sorted by server, then user, as sortByTexts sorts the entries (the former listing).
        assert.deepEqual(
          kept.sortedMap((server, user, events) => ({ server, user, events })),
          sortByTexts(
            [...byKey.values()],
            (a) => a.server,
            (a) => a.user,
          ),
        );
      },
    ),
  );
});
