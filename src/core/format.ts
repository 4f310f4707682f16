/** Number helpers shared by scoring, checks and messages. */

/** Half-up rounding to `decimals`, immune to binary noise (15 × 0.97 = 14.549999… → 14.55). */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const clean = Number(x.toPrecision(12));
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
  const up = Math.ceil(Number((x / step).toPrecision(12))) * step;
  return roundTo(up - step, decimals);
}

/** Plain number for messages: no trailing zeros, at most 4 decimals. */
export function fmtNum(x: number): string {
  return String(roundTo(x, 4));
}

/** A fraction as a percent for messages: 0.97 → "97%". */
export function fmtPct(x: number): string {
  return `${roundTo(x * 100, 2)}%`;
}

/** Fills "{name}" placeholders. */
export function fillTemplate(template: string, data: Record<string, string | number | null | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = data[k];
    return v === undefined || v === null ? m : typeof v === 'number' ? fmtNum(v) : v;
  });
}

/** Equality up to float noise. */
export function near(a: number, b: number, eps = 1e-9): boolean {
  return Math.abs(a - b) <= eps;
}
