/** Small caches for pure string functions the engine calls once per cell, many times per review. */

/** Keys longer than this are prose: computed every time rather than kept. */
const MAX_KEY_LENGTH = 256;

/**
 * Memoises a pure function of one string. Bounded: the cache is dropped when it reaches `limit`
 * entries, so memory stays flat whatever the workbook holds. Callers must not mutate results.
 */
export function memoByString<T>(f: (s: string) => T, limit = 4096): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    if (s.length > MAX_KEY_LENGTH) return f(s);
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = f(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    return v as T;
  };
}
