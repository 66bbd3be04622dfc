import assert from "node:assert/strict";
import { test } from "node:test";
import { type CalwiseError, parseDocumentText } from "@calwise/core";
import { readFieldMapDocument } from "./read-field-map-document.ts";

const parse = (text: string) => {
  const parsed = parseDocumentText(text);
  assert.ok(!("problems" in parsed));
  return { name: "map.yaml", data: parsed.document.data, locate: parsed.document.locate };
};

test("field map: names or lists of names; the optional fields read as none", () => {
  const map = readFieldMapDocument(
    parse(
      "eventId: code\ntime: [ts, '@timestamp']\ncomputer: host\nTargetUserName: user\nLogonType: kind\n",
    ),
  );
  assert.deepEqual(map.eventId, ["code"]);
  assert.deepEqual(map.time, ["ts", "@timestamp"]);
  assert.deepEqual(map.data.TargetUserName, ["user"]);
  assert.deepEqual(map.data.IpAddress, []);
  assert.deepEqual(map.recordId, []);
});

test("field map: an unknown field, a missing one and a non-text name are located problems", () => {
  assert.throws(
    () => readFieldMapDocument(parse("eventId: code\ntime: 5\ncomputer: host\nTargetUser: user\n")),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_INVALID");
      const where = error.problems.map((p) => `${p.path || "(root)"}@${p.line ?? "-"}`);
      assert.ok(where.includes("time@2"), where.join(" "));
      assert.ok(
        error.problems.some((p) => p.path === "TargetUserName" || /TargetUserName/.test(p.message)),
        "the missing TargetUserName",
      );
      assert.ok(
        error.problems.some((p) =>
          /TargetUser\b/.test(`${p.message} ${p.received ?? ""} ${p.path}`),
        ),
        "the unknown key is named",
      );
      assert.ok(error.problems.every((p) => p.file === "map.yaml"));
      return true;
    },
  );
});
