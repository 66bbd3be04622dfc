/**
 * Texts that collide under the collator (case, accents, width) as well as plain ones, for the tests of
 * the sorts and ranks by `compareText`.
 */
export const collidingTexts = [
  "a",
  "A",
  "á",
  "b",
  "B",
  "srv-1",
  "SRV-1",
  "ｓrv-1",
  "",
  "-",
  "é",
  "e",
  "E",
] as const;
