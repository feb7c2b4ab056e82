import { describe, expect, it } from 'vitest';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { renderDiffText } from './render-text.js';
import { standardElementText, timeLimitText } from './value-text.js';

describe('the diff texts in the catalogue (core-diff-text)', () => {
  it('keep the Chinese the report showed before', () => {
    expect(standardElementText('deferredAcceptance', { allowed: false })).toBe('不允许容缺受理');
    expect(standardElementText('fee', { charged: true, standard: '每件 10 元' })).toBe('收费；收费标准：每件 10 元');
    expect(timeLimitText({ value: 15, unit: { code: 'WD', label: '工作日' }, note: '不含公告' })).toBe('15 个工作日（不含公告）');
  });

  it('give a Mongolian caller the Mongolian draft', () => {
    expect(uiText('core.diff.value.deferred.allowed', 'mn-Mong')).toBe('ᠳᠤᠲᠠᠭᠤ ᠪᠠᠶᠢᠭᠠ ᠪᠠᠷ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ');
    expect(uiText('core.diff.value.condition.all', 'mn-Mong', { n: 2 })).toBe('ᠪᠦᠬᠦ ᠬᠠᠩᠭᠠᠬᠤ (2 ᠵᠦᠢᠯ)');
  });

  it('render the report\'s own wording in Mongolian when asked, Chinese by default', () => {
    const diff = { changes: [], summary: { total: 0, kinds: { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0 }, canAlterDecision: false } } as unknown as Parameters<typeof renderDiffText>[0];
    expect(renderDiffText(diff)).toBe('配置差异：原配置 → 新配置\n两者一致，没有差异。\n');
    expect(renderDiffText(diff, { language: 'mn-Mong' })).toBe(`${uiText('core.diff.text.title', 'mn-Mong', { from: 'ᠤᠭ ᠤᠨ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ', to: 'ᠰᠢᠨ᠎ᠡ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ' })}\nᠬᠣᠶᠠᠷ ᠨᠢ ᠠᠳᠠᠯᠢ᠂ ᠯᠠᠯᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃\n`);
  });
});
