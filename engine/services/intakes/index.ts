export { applicantOf, maskName, summarizeIntake, type ApplicantFields, type IntakeSummary } from './intake-summary.js';
