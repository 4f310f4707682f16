export { WpsHost } from './WpsHost';
export type * from './types';
export { XL } from './types';
export { toMatrix, hexToBgr, bgrToHex } from './values';
export { countCalls, type CallCounter } from './count';
