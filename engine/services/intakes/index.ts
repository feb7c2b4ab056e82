export { applicantOf, enterpriseApplicantOf, maskName, summarizeIntake, type ApplicantFields, type EnterpriseApplicant, type IntakeSummary } from './intake-summary.js';
export { acceptIntake, type AcceptedIntake, type CaseOpener, type IntakeApplication } from './accept-intake.js';
