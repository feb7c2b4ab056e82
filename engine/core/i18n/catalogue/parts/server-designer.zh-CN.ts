/** UI strings of the designer server (designer/server): drafts, diffs, programmes, localities, catalogue, decisions, in Simplified Chinese (the source; keys begin with `server.designer.`). */
export const serverDesignerZhCN = {
} as const;
