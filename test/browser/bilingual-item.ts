import request from 'supertest';
import { browserSuite, type ServedInstallation } from '../support/chromium.js';

/** 基本医疗保险参保信息变更登记: a bilingual sample item, claimed at 新城区 (150102). */
export const MEDICAL = 'SAMPLE-YB-0002';

/**
 * The browser suite of the public page's bilingual sample item: the sample catalogue claimed at
 * 新城区 and served to chromium at 1366 × 900, with the item's published Mongolian strings by key
 * (`mn`, filled in before the tests run).
 */
export function bilingualItemSuite(): { t: ServedInstallation; mn: Record<string, string> } {
  const mn: Record<string, string> = {};
  const t = browserSuite({
    webApps: ['runtime/web'],
    sampleCatalogueClaimedBy: ['150102'],
    viewport: { width: 1366, height: 900 },
    seed: async (t) => { Object.assign(mn, (await request(t.app).get(`/api/runtime/150102/items/${MEDICAL}`)).body.config.translations['mn-Mong']); },
  });
  return { t, mn };
}
