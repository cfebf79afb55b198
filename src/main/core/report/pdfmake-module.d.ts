/** Minimal typings for pdfmake 0.3's Node entry point (the package ships none). */
declare module 'pdfmake' {
  /** A generated document; the buffer is the finished PDF file. */
  interface PdfmakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  /** pdfmake's virtual file system (fonts are registered there by name). */
  interface PdfmakeVirtualFs {
    existsSync(name: string): boolean;
    writeFileSync(name: string, data: Buffer | Uint8Array | string): void;
  }
  /** The process-wide pdfmake instance. */
  interface Pdfmake {
    readonly virtualfs: PdfmakeVirtualFs;
    setFonts(
      fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>,
    ): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfmakeOutputDocument;
  }
  const pdfmake: Pdfmake;
  export default pdfmake;
}

/** Minimal typings for fontkit 2 (what the carnet uses: does the font draw this character?). */
declare module 'fontkit' {
  /** An opened font. */
  interface FontkitFont {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  /** Opens a font from its bytes. */
  export function create(buffer: Buffer): FontkitFont;
}

/** pdfmake's line builder (bidi-layout.ts wraps its buildNextLine). */
declare module 'pdfmake/js/LayoutBuilder.js' {
  const layoutBuilder: unknown;
  export default layoutBuilder;
}
