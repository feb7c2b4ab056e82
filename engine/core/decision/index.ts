export { decide, evaluate, evaluateCompiled, ruleFacts, type DecideOptions } from './evaluate.js';
export { CompiledConfigCache, compileConfig, type CompiledConfig } from './compiled-config.js';
export { leanDecision } from './lean-decision.js';
export type * from './types.js';
