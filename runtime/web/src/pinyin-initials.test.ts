import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin-initials.js';

describe('pinyinInitials', () => {
  it('gives the initials of the sample items as clerks would type them', () => {
    expect(pinyinInitials('婚姻登记档案查询')).toBe('HYDJDACX');
    expect(pinyinInitials('无犯罪记录证明')).toBe('WFZJLZM');
    expect(pinyinInitials('最低生活保障申请')).toBe('ZDSHBZSQ');
    expect(pinyinInitials('购买自住住房提取住房公积金')).toBe('GMZZZFTQZFGJJ');
    expect(pinyinInitials('社会保障卡申领（2024版）')).toBe('SHBZKSL2024B');
  });
});
