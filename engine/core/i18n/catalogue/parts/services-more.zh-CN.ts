/** UI strings of the other services (claims, lists, principals, replay, reports, sessions, stations, templates, seed, calendar) and the decision log's records, in Simplified Chinese (the source; keys begin with `services.`). */
export const servicesMoreZhCN = {
} as const;
