export { progressReport, progressCsv, type ProgressReport } from './progress-report.js';
export { adoptionReport, type AdoptionReport, type ItemAdoption, type LocalityAdoption } from './adoption-report.js';
