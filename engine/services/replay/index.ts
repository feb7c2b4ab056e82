export { decisionImpact, impactCauses, replayDecision, type ImpactCause, type ImpactEntry, type ImpactReport, type ImpactTransition, type ReplayResult } from './decision-replay.js';
