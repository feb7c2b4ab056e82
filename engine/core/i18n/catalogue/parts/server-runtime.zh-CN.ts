/** UI strings of the runtime server (runtime/server): window intake, cases, calendars, published configs, in Simplified Chinese (the source; keys begin with `server.runtime.`). */
export const serverRuntimeZhCN = {
} as const;
