export { decisionImpact, replayDecision, type ImpactEntry, type ImpactReport, type ReplayResult } from './decision-replay.js';
