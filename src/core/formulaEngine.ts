/**
 * fast-formula-parser, loaded on first use: most reviews never evaluate or parse a formula, and
 * loading it with its function library costs every command-line run about 50 ms. `require` keeps
 * the load synchronous (recalculation is); webpack bundles it like an import.
 */
import type * as Engine from 'fast-formula-parser';

type EngineModule = typeof Engine.default & typeof Engine;

let engine: EngineModule | null = null;

export function formulaEngine(): EngineModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (engine ??= require('fast-formula-parser') as EngineModule);
}
