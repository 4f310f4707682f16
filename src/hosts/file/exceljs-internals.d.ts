/** ExcelJS 4.4's own parsers, loaded by parts.ts (no typings ship for them). */
declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform' {
  class SharedStringsXform {
    parseStream(chunks: Iterable<string>): Promise<unknown>;
  }
  export = SharedStringsXform;
}
declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  class StylesXform {
    parseStream(chunks: Iterable<string>): Promise<unknown>;
  }
  export = StylesXform;
}
