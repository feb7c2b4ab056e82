/** UI strings of the diff's value texts, rendered report, condition sentences and form keywords (engine/core/diff), in Simplified Chinese (the source; keys begin with `core.diff.`). */
export const coreDiffTextZhCN = {
} as const;
