import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as PdfMake from "pdfmake";

let loaded: typeof PdfMake | undefined;

/**
 * Loads pdfmake (its server build, CommonJS) with the Roboto fonts it ships, which cover Polish, German and
 * the euro sign. It is loaded at run time through Node's resolver rather than bundled into the CLI, because its
 * font loading relies on its own files and __dirname. Network access is refused and only the font folder
 * may be read, so a document can never make pdfmake fetch or read anything else.
 */
export function loadPdfMake(): typeof PdfMake {
  if (loaded) return loaded;
  const requireFromHere = createRequire(import.meta.url);
  const pdfmake = requireFromHere("pdfmake") as typeof PdfMake;
  const fonts = dirname(requireFromHere.resolve("pdfmake/fonts/Roboto/Roboto-Regular.ttf"));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fonts));
  pdfmake.setFonts({
    Roboto: {
      normal: join(fonts, "Roboto-Regular.ttf"),
      bold: join(fonts, "Roboto-Medium.ttf"),
      italics: join(fonts, "Roboto-Italic.ttf"),
      bolditalics: join(fonts, "Roboto-MediumItalic.ttf"),
    },
  });
  loaded = pdfmake;
  return pdfmake;
}
