/** UI strings of the core's decision, form, rule-operator, guide, calendar and example messages: what applicants and clerks read, in Simplified Chinese (the source; keys begin with `core.`). */
export const coreApplicantZhCN = {
} as const;
