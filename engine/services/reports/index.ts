export { progressReport, progressCsv, type ProgressReport } from './progress-report.js';
export { adoptionReport, type AdoptionReport, type ItemAdoption, type LocalityAdoption } from './adoption-report.js';
export { periodOf, assertPeriodKey, currentFigures, takeReportSnapshot, comparePeriods, periodReport, periodReportCsv, type PeriodReport, type LocalityRow, type DepartmentRow } from './period-reports.js';
