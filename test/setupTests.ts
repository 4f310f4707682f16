// Stubs for Fluent UI v9 under jsdom (MessageBar needs ResizeObserver; motion may query matchMedia).
import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'util';

// jsdom lacks TextDecoder/TextEncoder, which the .xlsx reader uses.
const gt = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
gt.TextDecoder ??= TextDecoder;
gt.TextEncoder ??= TextEncoder;

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
const g = globalThis as unknown as { ResizeObserver?: unknown };
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = ((q: string) => ({
    matches: false, media: q, onchange: null,
    addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
