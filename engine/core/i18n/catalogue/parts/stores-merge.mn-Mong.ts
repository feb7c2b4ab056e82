import type { storesMergeZhCN } from './stores-merge.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const storesMergeMnMong: Record<keyof typeof storesMergeZhCN, string> = {
};
