export { applicantOf, maskName, summarizeIntake, type ApplicantFields, type IntakeSummary } from './intake-summary.js';
export { acceptIntake, type AcceptedIntake, type CaseOpener, type IntakeApplication } from './accept-intake.js';
