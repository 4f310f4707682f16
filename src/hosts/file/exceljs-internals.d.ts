/** ExcelJS 4.4's own modules loaded by path (no typings ship for them): parts.ts, and node.ts on the reader's first fallback. */
declare module 'exceljs/lib/doc/workbook' {
  import type ExcelJS from 'exceljs';
  const Workbook: new () => ExcelJS.Workbook;
  export = Workbook;
}
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
