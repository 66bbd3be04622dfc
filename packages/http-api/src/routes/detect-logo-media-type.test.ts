import assert from "node:assert/strict";
import { test } from "node:test";
import { detectLogoMediaType } from "./detect-logo-media-type.ts";

test("PNG and JPEG are told from their first bytes; SVG, GIF and a bare signature are not logos", () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  assert.equal(
    detectLogoMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)),
    "image/png",
  );
  assert.equal(detectLogoMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0)), "image/jpeg");
  assert.equal(detectLogoMediaType(new TextEncoder().encode("<svg onload=alert(1)>")), undefined);
  assert.equal(detectLogoMediaType(new TextEncoder().encode("GIF89a....")), undefined);
  assert.equal(detectLogoMediaType(bytes(0xff, 0xd8, 0xff)), undefined, "nothing after the marker");
  assert.equal(detectLogoMediaType(bytes()), undefined);
});
