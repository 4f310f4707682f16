/** The file host's browser-safe API (Node file access lives in ./node). */
export { FileHost } from './host';
export { applyChanges } from './patch';
export { inspectWorkbook } from './inspect';
export { snapshotFromBuffer, sheetFromExcelJS, loadExcelJS } from './read';
export * from './limits';
