export { maskDecisionRecord } from './mask-decision.js';
