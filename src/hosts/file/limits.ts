/**
 * Documented limits for loading a workbook file. They are checked from the zip's own directory and
 * a bounded inflate BEFORE ExcelJS sees the bytes, so a hostile file fails fast and cleanly
 * (HostError 'too-large' / 'unreadable') instead of exhausting memory. Self-evaluation workbooks are
 * a few hundred KB; these bounds leave two orders of magnitude of headroom.
 */

/** Largest .xlsx file accepted, in bytes (50 MB). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Largest total of the entries' uncompressed sizes, in bytes (200 MB). */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Largest uncompressed size of one entry, in bytes (100 MB). */
export const MAX_ENTRY_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Most entries (parts) in the package. */
export const MAX_ENTRIES = 10_000;
/** Highest compression ratio accepted for an entry larger than RATIO_CHECK_MIN_BYTES (zip bomb guard). */
export const MAX_COMPRESSION_RATIO = 100;
/** Entries smaller than this (1 MB uncompressed) are not ratio-checked: tiny repetitive XML compresses well. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/**
 * Most cells (<c> elements) over all worksheets of one workbook. A real form has a few thousand;
 * ExcelJS reads about 150,000 cells a second here, so this keeps the worst case within seconds.
 */
export const MAX_CELLS = 1_000_000;
/** Most characters Excel stores in one cell; longer writes are refused. */
export const MAX_CELL_TEXT = 32_767;
