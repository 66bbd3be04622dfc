import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Text of a PDF as poppler's pdftotext extracts it (reading order, UTF-8). */
export function pdfText(pdf: string): string {
  const r = spawnSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

/** Renders page 1 of a PDF with pdftoppm: a PNG (as a person would look at it) and the same page in grey. */
export function renderFirstPage(pdf: string, dir: string, dpi = 50) {
  for (const format of ["-png", "-gray"]) {
    const r = spawnSync("pdftoppm", [
      format,
      "-r",
      String(dpi),
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(dir, "page1"),
    ]);
    if (r.status !== 0) throw new Error(`pdftoppm ${format} failed: ${r.stderr}`);
  }
  const png = readFileSync(join(dir, "page1.png"));
  const pgm = readFileSync(join(dir, "page1.pgm"));
  return { png, pngPath: join(dir, "page1.png"), grey: parsePgm(pgm) };
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A binary PGM (P5, 8-bit): its size and one byte of grey per pixel. */
function parsePgm(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString("latin1"));
  if (!header) throw new Error("not an 8-bit binary PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: pgm.subarray(header[0].length) };
}

/** Share of dark pixels (grey < 160) in rows [from, to) as fractions of the page height. */
export function inkShare(
  grey: { width: number; height: number; pixels: Buffer },
  from = 0,
  to = 1,
): number {
  const start = Math.floor(grey.height * from);
  const end = Math.floor(grey.height * to);
  let dark = 0;
  for (let i = start * grey.width; i < end * grey.width; i++)
    if ((grey.pixels[i] as number) < 160) dark++;
  return dark / ((end - start) * grey.width);
}

/** The largest share of dark pixels in one row, over rows [from, to) as fractions of the page height. */
export function darkestRow(
  grey: { width: number; height: number; pixels: Buffer },
  from: number,
  to: number,
): number {
  let best = 0;
  for (let y = Math.floor(grey.height * from); y < Math.floor(grey.height * to); y++) {
    let dark = 0;
    for (let x = 0; x < grey.width; x++)
      if ((grey.pixels[y * grey.width + x] as number) < 160) dark++;
    best = Math.max(best, dark / grey.width);
  }
  return best;
}
