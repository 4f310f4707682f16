/** placeholder, replaced below */
import type { InventoryEntry } from './summary';
import type { Lang } from '../core/types';
export async function writeHtmlReport(_path: string, _entries: InventoryEntry[], _o: { lang: Lang; rules: string; title: string }): Promise<void> {}
