/** UI strings of the designer's references, programme lists (责任清单 / 负面清单), reports (周调度 / 月通报, 分批认领), app shell and routes, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const designerWorkspacesZhCN = {
} as const;
