import { describe, expect, it } from 'vitest';
import { uiText } from '../i18n/catalogue/catalogue.js';
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
});
