import type { coreDiffTextZhCN } from './core-diff-text.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const coreDiffTextMnMong: Record<keyof typeof coreDiffTextZhCN, string> = {
};
