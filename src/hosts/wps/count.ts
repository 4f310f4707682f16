/**
 * Counts object-model calls on a real WPS: wraps `Application` so that every property read, property
 * write and method call made through it is counted (each is one cross-process round trip, ≈ 0.1 ms:
 * ../shared/notes/wps-addin.md §2.7). Plain values and arrays pass through unwrapped; wrapped objects
 * handed back to a method (`UndoTransEnd(wb)`, `Sheets.Add(, after)`) are unwrapped first, so the
 * bridge only ever sees its own objects. For diagnostics and the call budget, not for production:
 *
 *   const counted = countCalls(window.Application); new WpsHost(counted.app); … counted.calls
 */
export interface CallCounter<T> {
  /** The wrapped object to use instead of the original. */
  readonly app: T;
  /** Calls made through it so far. */
  readonly calls: number;
  reset(): void;
}

export function countCalls<T extends object>(app: T): CallCounter<T> {
  let calls = 0;
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (v !== null && typeof v === 'object' && targets.has(v) ? targets.get(v) : v);
  const wrap = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const proxy: object = new Proxy(v, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value === 'function') {
          // Looking a method up is not a call; calling it is.
          return (...args: unknown[]) => {
            calls++;
            return wrap(Reflect.apply(value as (...a: unknown[]) => unknown, target, args.map(unwrap)));
          };
        }
        calls++;
        return wrap(value);
      },
      set(target, prop, value) {
        calls++;
        return Reflect.set(target, prop, unwrap(value), target);
      },
    });
    targets.set(proxy, v);
    return proxy;
  };
  return {
    app: wrap(app) as T,
    get calls() {
      return calls;
    },
    reset() {
      calls = 0;
    },
  };
}
