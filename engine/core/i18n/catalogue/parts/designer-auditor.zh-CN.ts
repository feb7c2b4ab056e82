/** UI strings of the designer's auditor workspace (审计): adoption, audit trail, decision search, draft impact, version compare and dossier, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const designerAuditorZhCN = {
} as const;
