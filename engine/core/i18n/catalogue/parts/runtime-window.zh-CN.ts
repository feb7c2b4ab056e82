/** UI strings of the window app's intake actions, case queue, workspace, clerk app, division and item pickers, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const runtimeWindowZhCN = {
} as const;
