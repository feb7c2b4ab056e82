export { decide, evaluate, evaluateCompiled, ruleFacts, type DecideOptions } from './evaluate.js';
export { CompiledConfigCache, compileConfig, type CompiledConfig } from './compiled-config.js';
export type * from './types.js';
