/**
 * Renders a number as a spreadsheet shows it under a number format code, for hosts that do not
 * give display text (files, the playground). Covers the formats forms use: General, fixed
 * decimals, thousands separators, percent, and common date codes; anything else falls back to General.
 */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Excel shows up to 11 significant characters in General.
  const s = Number(n.toPrecision(11)).toString();
  return s;
}

function firstSection(fmt: string, n: number): string {
  const sections = fmt.split(';');
  if (n < 0 && sections.length > 1) return sections[1];
  if (n === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/[0#]/.test(bare.replace(/[ymdhs]/gi, ''));
}

function formatDate(serial: number, code: string): string {
  const d = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400000));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  let out = '';
  const re = /"([^"]*)"|\\(.)|(yyyy|yy|mm|m|dd|d|[^"\\ymd]+|[ymd])/gi;
  let match: RegExpExecArray | null;
  while ((match = re.exec(code))) {
    if (match[1] !== undefined) out += match[1];
    else if (match[2] !== undefined) out += match[2];
    else {
      const tok = match[3].toLowerCase();
      if (tok === 'yyyy') out += String(y);
      else if (tok === 'yy') out += String(y).slice(-2);
      else if (tok === 'mm') out += String(m).padStart(2, '0');
      else if (tok === 'm') out += String(m);
      else if (tok === 'dd') out += String(day).padStart(2, '0');
      else if (tok === 'd') out += String(day);
      else out += match[3].replace(/\[[^\]]*\]/g, '');
    }
  }
  return out;
}

function withThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatNumber(n: number, format: string | undefined | null): string {
  if (!Number.isFinite(n)) return String(n);
  const fmt = (format ?? '').trim();
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return formatGeneral(n);
  const code = firstSection(fmt, n);
  if (isDateFormat(code)) return formatDate(n, code);
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  const percent = bare.includes('%');
  const m = /([#0,]*)(?:\.([0#]+))?/.exec(bare.replace(/[^#0,.%]/g, ''));
  if (!m || (!m[1] && !m[2])) return formatGeneral(n);
  const decimals = m[2] ? m[2].length : 0;
  const scaled = Math.abs(percent ? n * 100 : n);
  let text = scaled.toFixed(decimals);
  if ((m[1] ?? '').includes(',')) {
    const [i, f] = text.split('.');
    text = withThousands(i) + (f !== undefined ? '.' + f : '');
  }
  const sign = n < 0 && code === fmt.split(';')[0] ? '-' : '';
  const prefix = /^"([^"]*)"/.exec(code)?.[1] ?? '';
  return sign + prefix + text + (percent ? '%' : '');
}
