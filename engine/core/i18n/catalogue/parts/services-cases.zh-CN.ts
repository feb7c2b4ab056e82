/** UI strings of the case services (engine/services/cases, intakes) and the intake store's records (engine/ports/intake-store), in Simplified Chinese (the source; keys begin with `services.cases.`). */
export const servicesCasesZhCN = {
} as const;
