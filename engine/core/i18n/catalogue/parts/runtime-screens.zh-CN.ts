/** UI strings of the window app's 属地信息 screen, progress lookup, sign-in, department app and remaining screens, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const runtimeScreensZhCN = {
} as const;
