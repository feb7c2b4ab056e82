/** UI strings of the store adapters' messages (engine/adapters) and the item merge's conflicts (engine/core/merge), in Simplified Chinese (the source; keys begin with `stores. / core.merge.`). */
export const storesMergeZhCN = {
} as const;
