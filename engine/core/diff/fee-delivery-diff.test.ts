import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs } from './diff-configs.js';

describe('the diff of 收费 and 送达方式', () => {
  it('reads a fee and the delivery methods in Chinese, never as codes or JSON', () => {
    const before = itemConfig();
    before.standard.fee = { charged: false };
    before.standard.deliveryMethods = ['window'];
    const after = structuredClone(before);
    after.standard.fee = { charged: true, standard: '工本费每证 20 元', basis: '《收费目录清单》' };
    after.standard.deliveryMethods = ['window', 'post'];
    expect(diffConfigs(before, after).changes).toMatchObject([
      { kind: 'changed', pointer: '/standard/fee', label: '收费', beforeText: '不收费', afterText: '收费；收费标准：工本费每证 20 元；收费依据：《收费目录清单》', affectsDecision: false },
      { kind: 'changed', pointer: '/standard/deliveryMethods', label: '送达方式', beforeText: '窗口领取', afterText: '窗口领取、邮寄送达', affectsDecision: false },
    ]);
  });
});
