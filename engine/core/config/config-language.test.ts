import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { problemIn } from '../errors.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { validateConfig } from './validate-config.js';

const MONGOLIAN = /[\u1820-\u18AA]/;

describe('config problems for a Mongolian reader', () => {
  it('locates a rule problem in Mongolian and renders its catalogue message there, the Chinese staying the source', () => {
    const config = itemConfig();
    const first = config.rules[0]!;
    config.rules[1]!.name = first.name;
    const zh = validateConfig(config).find((p) => p.code === 'rule.duplicate-name');
    const mn = validateConfig(config, 'mn-Mong').find((p) => p.code === 'rule.duplicate-name');
    expect(zh).toMatchObject({ pointer: '/rules/1/name', message: `规则标识「${first.name}」与第 1 条规则重复`, location: { tab: 'rules', tabLabel: '受理规则' } });
    expect(mn?.location.tabLabel).toBe(uiText('designer.tab.rules', 'mn-Mong'));
    expect(mn?.location.section).toMatch(MONGOLIAN);
    expect(mn?.message).toBe(zh?.message);
    expect(problemIn(mn!, 'mn-Mong').message).toBe(uiText('core.config.rules.duplicateName', 'mn-Mong', { name: first.name, first: 1 }));
    expect(problemIn(mn!, 'mn-Mong').message).toMatch(MONGOLIAN);
  });
});
