export { ItemLifecycle, type DraftCheck, type PublishRequest } from './item-lifecycle.js';
export { seedEmptyStore, SEED_ACTOR } from './seed.js';
export { operatesFor, putClaim, removeClaim } from './claims.js';
export { progressReport, progressCsv, type ProgressReport } from './progress-report.js';
export { adoptionReport, type AdoptionReport, type ItemAdoption, type LocalityAdoption } from './adoption-report.js';
export { decisionImpact, replayDecision, type ImpactEntry, type ImpactReport, type ReplayResult } from './decision-replay.js';
export { addStation, divisionTreeWithStations, requireServedLocality } from './stations.js';
