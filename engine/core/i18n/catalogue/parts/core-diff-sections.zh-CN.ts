/** UI strings of the diff's sections: config description, rules, examples, form, lists, translations (engine/core/diff), in Simplified Chinese (the source; keys begin with `core.diff.`). */
export const coreDiffSectionsZhCN = {
} as const;
