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
