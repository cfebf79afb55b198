/** Test support: the text of a PDF's pages as pdfjs extracts it, and a whitespace-free comparison. */

/** The text of each page, as pdfjs extracts it (what copy-paste or a search would find). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''),
    );
  }
  await task.destroy();
  return pages;
}

/** Whitespace-free form: lines wrap anywhere, so compare texts without it. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** One piece of text as pdfjs places it on its page (PDF points, y from the top). */
export interface PlacedText {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
}

/** Each page's text pieces with their positions and widths, plus the page's size. */
export async function pdfLayout(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; items: PlacedText[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const doc = await task.promise;
  const pages: { width: number; height: number; items: PlacedText[] }[] = [];
  for (let i = 1; i <= doc.numPages; i += 1) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PlacedText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , d, e, f] = item.transform as number[];
      items.push({ str: item.str, x: e!, y: height - f!, width: item.width, size: Math.abs(d!) });
    }
    pages.push({ width, height, items });
  }
  await task.destroy();
  return pages;
}
