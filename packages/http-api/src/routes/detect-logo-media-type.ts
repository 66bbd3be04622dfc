import type { LogoMediaType } from "@calwise/storage";

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpeg = [0xff, 0xd8, 0xff];

/**
 * A logo's media type told from its first bytes (never from the Content-Type the client sent): PNG's
 * signature or JPEG's start-of-image marker; anything else (SVG, which can carry script, GIF, HTML) is undefined.
 */
export function detectLogoMediaType(bytes: Uint8Array): LogoMediaType | undefined {
  const startsWith = (signature: readonly number[]) =>
    bytes.length > signature.length && signature.every((b, i) => bytes[i] === b);
  if (startsWith(png)) return "image/png";
  if (startsWith(jpeg)) return "image/jpeg";
  return undefined;
}
