import type { servicesMoreZhCN } from './services-more.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const servicesMoreMnMong: Record<keyof typeof servicesMoreZhCN, string> = {
};
