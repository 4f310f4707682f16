/** Number helpers shared by scoring, checks and messages. */

/** Exact powers of ten (10^22 is the last one a double holds exactly). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Half-up rounding to `decimals`, immune to binary noise (15 × 0.97 = 14.549999… → 14.55). */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const a = Math.abs(x);
  // Arithmetic path (hot: every score and message): exact while the scaled value stays an integer-safe double.
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 15 && a >= 1e-6) {
    const q = a * POW10[decimals];
    if (q < 1e15) {
      const out = roundScaled(q) / POW10[decimals];
      return out === 0 ? 0 : x < 0 ? -out : out;
    }
  }
  return roundToByText(x, decimals);
}

/**
 * Half-up integer rounding of a positive q after cleaning it to 15 significant digits (Excel's
 * precision: enough for money to the cent up to 10 万亿), in integers: the same as
 * Math.round(Number(`${Number(a.toPrecision(15))}e${decimals}`)) without the strings.
 */
function roundScaled(q: number): number {
  let e = Math.floor(Math.log10(q));
  if (pow10(e) > q) e--;
  else if (pow10(e + 1) <= q) e++;
  const k = 14 - e;
  // t: q to 15 significant digits, as an integer below 10^15, safely inside 2^53.
  const t = k >= 0 ? Math.round(q * POW10[k]) : Math.round(q / POW10[-k]);
  if (k <= 0) return t * POW10[-k];
  if (k > 22) return 0;
  const unit = POW10[k];
  const whole = Math.floor(t / unit);
  const rest = t - whole * unit;
  return rest * 2 >= unit ? whole + 1 : whole;
}

function pow10(e: number): number {
  return e >= 0 ? POW10[e] : 1 / POW10[-e];
}

/** The decimal-string version of roundTo, for what the arithmetic path does not cover (huge, tiny, odd decimals). */
function roundToByText(x: number, decimals: number): number {
  const clean = Number(x.toPrecision(15));
  // From 10^15 on a double has no decimals left to round.
  if (Math.abs(clean) >= 1e15) return clean;
  const sign = clean < 0 ? -1 : 1;
  // Exponent notation (tiny or huge numbers) cannot take the decimal-shift trick; plain scaling is exact enough there.
  if (String(Math.abs(clean)).includes('e')) return (sign * Math.round(Math.abs(clean) * 10 ** decimals)) / 10 ** decimals || 0;
  const shifted = Math.round(Number(`${Math.abs(clean)}e${decimals}`));
  const out = sign * Number(`${shifted}e-${decimals}`);
  return out === 0 ? 0 : out;
}

/** Largest number with `decimals` decimals strictly below `x` (top of a half-open band). */
export function justBelow(x: number, decimals: number): number {
  const step = Math.pow(10, -decimals);
  const up = Math.ceil(Number((x / step).toPrecision(15))) * step;
  return roundTo(up - step, decimals);
}

/** Plain number for messages: no trailing zeros, at most 4 decimals. */
export function fmtNum(x: number): string {
  return String(roundTo(x, 4));
}

/** Money for messages, to the cent: 2673.4 → "2673.40". */
export function fmtMoney(x: number): string {
  return roundTo(x, 2).toFixed(2);
}

/** A fraction as a percent for messages: 0.97 → "97%". */
export function fmtPct(x: number): string {
  return `${roundTo(x * 100, 2)}%`;
}

/** A placeholder's value: plain, or one per language. */
export type TemplateValue = string | number | { zh: string; en: string } | null | undefined;

const NO_DATA: Record<string, unknown> = {};

/** data[k], with a per-language pair read in `lang` (only the data's own keys are pairs). */
function valueIn(data: Record<string, TemplateValue> | undefined, k: string, lang: 'zh-CN' | 'en-US'): unknown {
  if (data === undefined || !Object.prototype.hasOwnProperty.call(data, k)) return NO_DATA[k];
  const v = data[k];
  return v !== null && typeof v === 'object' ? (lang === 'zh-CN' ? v.zh : v.en) : v;
}

/** Fills "{name}" placeholders; per-language values ({ zh, en }) are read in `lang`. */
export function fillTemplate(template: string, data: Record<string, TemplateValue> | undefined, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const parts = templateParts(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    const v = valueIn(data, k, lang);
    out += (v === undefined || v === null ? `{${k}}` : typeof v === 'number' ? fmtNum(v) : String(v)) + parts[i + 1];
  }
  return out;
}

// Templates are few and filled once per finding: split each into [text, key, text, key, …, text] once.
const TEMPLATE_PARTS = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (TEMPLATE_PARTS.size < 1000) TEMPLATE_PARTS.set(template, parts);
  }
  return parts;
}

/** Equality up to float noise. */
export function near(a: number, b: number, eps = 1e-9): boolean {
  return Math.abs(a - b) <= eps;
}
