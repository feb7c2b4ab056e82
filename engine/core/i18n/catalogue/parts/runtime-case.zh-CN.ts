/** UI strings of the window app's case page, case actions, decision panel, supplement form and handling-place picker, in Simplified Chinese (the source; keys begin with the area's prefix). */
export const runtimeCaseZhCN = {
} as const;
