/**
 * The diff's section texts come from the catalogue part core-diff-sections: the Chinese the diff
 * shows is the catalogue's, and a Mongolian caller of the same keys gets the draft Mongolian.
 */
import { describe, expect, it } from 'vitest';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { describeConfig, renderConfigDescription } from './describe-config.js';
import { ruleSentence, UNNAMED_RULE_MARK } from './rules-diff.js';
import { sideFacts } from './side-facts.js';

const MONGOLIAN = /[\u1800-\u18af]/;
const CHINESE = /[\u4e00-\u9fff]/;

describe('the diff sections in the catalogue', () => {
  it('renders a new item description from the catalogue in Chinese', () => {
    const text = renderConfigDescription(describeConfig({ code: 'X1', standard: { name: '测试事项' }, rules: [], examples: [] }));
    expect(text.startsWith(`${uiText('core.diff.describe.title', 'zh-CN', { heading: '测试事项（X1）' })}\n${uiText('core.diff.describe.noPublished')}\n`)).toBe(true);
    expect(text).toContain('新设立事项：测试事项（X1）');
    expect(text).toContain('  （无）');
  });

  it('reads a rule sentence through the catalogue template', () => {
    const rule = { name: 'r', enabled: false, conditions: { all: [] }, event: { type: 'reject', params: { message: '已达退休年龄', basis: '某条例' } } };
    const sentence = ruleSentence(rule, sideFacts({ rules: [rule] }));
    expect(sentence.startsWith('当 ')).toBe(true);
    expect(sentence.endsWith('：已达退休年龄（依据：某条例）（已停用）')).toBe(true);
    expect(UNNAMED_RULE_MARK).toBe('（未命名）');
  });

  it('gives a Mongolian caller the Mongolian draft of the same keys, placeholders filled', () => {
    const sentence = uiText('core.diff.rules.sentence', 'mn-Mong', { condition: 'A', event: 'B', material: '', message: '', basis: '', disabled: '' });
    expect(sentence).toMatch(MONGOLIAN);
    expect(sentence).not.toMatch(CHINESE);
    expect(sentence).toContain('A');
    expect(sentence).toContain('B');
    const title = uiText('core.diff.describe.title', 'mn-Mong', { heading: 'X1' });
    expect(title).toMatch(MONGOLIAN);
    expect(title).toContain('X1');
    expect(title).not.toBe(uiText('core.diff.describe.title', 'zh-CN', { heading: 'X1' }));
    expect(uiText('core.diff.label.named', 'mn-Mong', { noun: 'N', name: 'M' })).toBe('N «M»');
  });
});
