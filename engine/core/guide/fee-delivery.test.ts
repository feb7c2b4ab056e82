import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { validateConfig } from '../config/index.js';
import { buildServiceGuide, renderServiceGuideHtml } from './service-guide.js';

describe('收费 and 送达方式 in the standard and the service guide', () => {
  it('shows a charged item’s standard and basis, and the delivery methods by their Chinese names', () => {
    const config = itemConfig();
    config.standard.fee = { charged: true, standard: '工本费每证 20 元', basis: '《内蒙古自治区行政事业性收费目录清单》' };
    config.standard.deliveryMethods = ['window', 'electronic'];
    expect(validateConfig(config)).toEqual([]);
    const guide = buildServiceGuide(config, { version: 1, hash: 'h' });
    expect(guide.sections.find((s) => s.key === 'fee')).toEqual({ key: 'fee', title: '收费', items: ['是否收费：是', '收费标准：工本费每证 20 元', '收费依据：《内蒙古自治区行政事业性收费目录清单》'] });
    expect(guide.sections.find((s) => s.key === 'delivery')).toEqual({ key: 'delivery', title: '送达方式', text: '窗口领取、电子送达' });
    expect(renderServiceGuideHtml(guide)).toContain('工本费每证 20 元');
  });

  it('says 不收费 for a free item and shows no fee section when the standard says nothing', () => {
    const config = itemConfig();
    config.standard.fee = { charged: false };
    expect(buildServiceGuide(config, { version: 1, hash: 'h' }).sections.find((s) => s.key === 'fee')?.items).toEqual(['是否收费：不收费']);
    delete config.standard.fee;
    expect(buildServiceGuide(config, { version: 1, hash: 'h' }).sections.some((s) => s.key === 'fee')).toBe(false);
  });

  it('refuses a charged item without its standard and basis, and an unknown delivery method, reporting each', () => {
    const config = itemConfig();
    config.standard.fee = { charged: true };
    (config.standard as { deliveryMethods: string[] }).deliveryMethods = ['pigeon'];
    const problems = validateConfig(config).map((p) => p.pointer);
    expect(problems).toEqual(expect.arrayContaining(['/standard/fee/standard', '/standard/fee/basis', '/standard/deliveryMethods/0']));
  });
});
