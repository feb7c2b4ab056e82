export { caseNumberPrefix, CASE_NUMBER_PATTERN, formatCaseNumber, isCaseNumber, MAX_SEQUENCE, nextSequence } from './case-number.js';
