const backslash = 0x5c;

/**
 * Writes the text of the JSON string body bytes[from, to) (its escapes checked by the scanner) as
 * JSON.parse decodes it, in UTF-8, at into[at]; the end written, or -1 for a lone surrogate (whose
 * text has no UTF-8). `into` must hold to - from bytes past `at` (no escape decodes longer).
 */
export function decodeJsonString(
  bytes: Uint8Array,
  from: number,
  to: number,
  into: Uint8Array,
  at: number,
): number {
  let out = at;
  let k = from;
  while (k < to) {
    const byte = bytes[k] as number;
    if (byte !== backslash) {
      into[out++] = byte;
      k++;
      continue;
    }
    const next = bytes[k + 1] as number;
    k += 2;
    if (next !== 0x75) {
      into[out++] =
        next === 0x62
          ? 0x08
          : next === 0x66
            ? 0x0c
            : next === 0x6e
              ? 0x0a
              : next === 0x72
                ? 0x0d
                : next === 0x74
                  ? 0x09
                  : next;
      continue;
    }
    let code = hexAt(bytes, k);
    k += 4;
    if (code >= 0xdc00 && code <= 0xdfff) return -1;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (bytes[k] !== backslash || bytes[k + 1] !== 0x75) return -1;
      const low = hexAt(bytes, k + 2);
      if (low < 0xdc00 || low > 0xdfff) return -1;
      k += 6;
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
    }
    if (code < 0x80) into[out++] = code;
    else if (code < 0x800) {
      into[out++] = 0xc0 | (code >> 6);
      into[out++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      into[out++] = 0xe0 | (code >> 12);
      into[out++] = 0x80 | ((code >> 6) & 0x3f);
      into[out++] = 0x80 | (code & 0x3f);
    } else {
      into[out++] = 0xf0 | (code >> 18);
      into[out++] = 0x80 | ((code >> 12) & 0x3f);
      into[out++] = 0x80 | ((code >> 6) & 0x3f);
      into[out++] = 0x80 | (code & 0x3f);
    }
  }
  return out;
}

function hexAt(bytes: Uint8Array, at: number): number {
  return Number.parseInt(String.fromCharCode(...bytes.subarray(at, at + 4)), 16);
}
