/**
 * The text of a Word report (.docx), one paragraph a line: read from word/document.xml with the
 * project's own bounded zip reader (the same limits as a workbook: size, parts, declared sizes,
 * compression ratio), no converter. Runs (<w:t>) are joined, tabs and breaks kept as spaces and line
 * breaks, deleted text (<w:delText>, tracked deletions) left out, table cells read as paragraphs.
 */
import { HostError } from '../host';
import { MAX_COMPRESSION_RATIO, MAX_ENTRY_UNCOMPRESSED_BYTES, MAX_FILE_BYTES, RATIO_CHECK_MIN_BYTES } from './limits';
import { inflateEntry, readZip } from './zip';
import { isCompoundFile, isZip } from './format';
import { toText, unescapeXml } from './xml';

const PARAGRAPH = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
const PIECE = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>|<w:del\b[\s\S]*?<\/w:del>/g;

/** Paragraph texts of word/document.xml (exported for tests). */
export function paragraphsOf(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(PARAGRAPH) ?? []) {
    let text = '';
    PIECE.lastIndex = 0;
    for (let m = PIECE.exec(p); m; m = PIECE.exec(p)) {
      if (m[1] !== undefined) text += unescapeXml(m[1]);
      else if (m[2] === 'tab') text += ' ';
      else if (m[2]) text += '\n';
    }
    out.push(text);
  }
  return out;
}

/** The report's text, paragraphs separated by line breaks. HostError 'unreadable' / 'too-large' otherwise. */
export function docxText(b: Uint8Array): string {
  if (b.length > MAX_FILE_BYTES) throw new HostError('too-large', `the report is over ${MAX_FILE_BYTES / 1048576} MB`);
  if (isCompoundFile(b)) throw new HostError('unreadable', 'the report is an old Word .doc file (or protected by a password); save it as .docx');
  if (!isZip(b)) throw new HostError('unreadable', 'the report is not a .docx file');
  const zip = readZip(b);
  const entry = zip.entries.find((e) => e.name === 'word/document.xml');
  if (!entry) throw new HostError('unreadable', 'the report is not a .docx file (it has no word/document.xml)');
  if (entry.size > MAX_ENTRY_UNCOMPRESSED_BYTES || (entry.size > RATIO_CHECK_MIN_BYTES && entry.size > MAX_COMPRESSION_RATIO * Math.max(1, entry.compressedSize))) {
    throw new HostError('too-large', 'the report unpacks to more than the limits allow');
  }
  return paragraphsOf(toText(inflateEntry(b, entry, MAX_ENTRY_UNCOMPRESSED_BYTES))).join('\n');
}
