/** Structural checks every located form must pass, whatever the grid. */
import { parseRange, toA1 } from '../../../src/core/address';
import type { Bound, LocatedForm } from '../../../src/core/form';
import type { SheetSnapshot } from '../../../src/core/snapshot';

function bounds(o: unknown, out: Bound[] = []): Bound[] {
  if (!o || typeof o !== 'object') return out;
  const b = o as Partial<Bound>;
  if (typeof b.a1 === 'string' && typeof b.row === 'number' && typeof b.col === 'number') {
    out.push(b as Bound);
    return out;
  }
  for (const v of Object.values(o)) bounds(v, out);
  return out;
}

/** Throws with a message when a form is malformed. */
export function assertWellFormed(forms: LocatedForm[], sheets: SheetSnapshot[]): void {
  for (const f of forms) {
    const sheet = sheets.find((s) => s.name === f.sheet);
    if (!sheet) throw new Error(`unknown sheet ${f.sheet}`);
    const width = Math.max(0, ...sheet.values.map((r) => (Array.isArray(r) ? r.length : 0)));
    const range = parseRange(f.range);
    if (!range) throw new Error(`bad range ${f.range}`);
    for (const b of bounds(f)) {
      if (b.a1 !== toA1(b.row, b.col)) throw new Error(`a1 ${b.a1} for ${b.row},${b.col}`);
      if (b.row < sheet.top || b.row >= sheet.top + sheet.values.length) throw new Error(`row ${b.a1} outside sheet`);
      if (b.col < sheet.left || b.col >= sheet.left + width) throw new Error(`col ${b.a1} outside sheet`);
      if (typeof b.text !== 'string' || typeof b.numberFormat !== 'string') throw new Error(`bad cell ${b.a1}`);
    }
    if (f.kind === 'self-evaluation') {
      const rows = f.indicators.map((r) => r.row);
      if (rows.some((r, i) => i > 0 && r <= rows[i - 1])) throw new Error('indicator rows out of order');
      const grouped = f.groups.reduce((n, g) => n + g.rows.length, 0);
      if (grouped > f.indicators.length) throw new Error('groups hold more rows than the form');
    }
  }
}
