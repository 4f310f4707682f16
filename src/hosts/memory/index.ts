export { MemoryHost } from './MemoryHost';
export type { MemoryHostEvent, MemoryHostListener, Writer } from './MemoryHost';
