/** UI strings of the core's config checks, content-string labels, signing and audit messages: what authors and auditors read, in Simplified Chinese (the source; keys begin with `core.config.`). */
export const coreConfigZhCN = {
} as const;
