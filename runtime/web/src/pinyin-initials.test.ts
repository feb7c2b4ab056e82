import { describe, expect, it } from 'vitest';
import { matchesPinyin, matchesSearch, pinyinInitials, pinyinOf } from './pinyin-initials.js';

describe('pinyinInitials', () => {
  it('gives the initials of the sample items as clerks would type them', () => {
    expect(pinyinInitials('婚姻登记档案查询')).toBe('HYDJDACX');
    expect(pinyinInitials('无犯罪记录证明')).toBe('WFZJLZM');
    expect(pinyinInitials('最低生活保障申请')).toBe('ZDSHBZSQ');
    expect(pinyinInitials('购买自住住房提取住房公积金')).toBe('GMZZZFTQZFGJJ');
    expect(pinyinInitials('社会保障卡申领（2024版）')).toBe('SHBZKSL2024B');
  });

  it('knows every GB 2312 character, so an item added later is found by full pinyin', () => {
    expect(pinyinOf('鑫')).toEqual(['xin']);
    expect(matchesPinyin('鑫源农牧专业合作社设立登记', 'xinyuannongmu')).toBe(true);
  });

  it('falls back to collation for a character the table lacks', () => {
    expect(pinyinOf('喆')).toEqual([]);
    expect(pinyinInitials('喆')).toBe('Z');
  });
});

describe('matchesPinyin', () => {
  it('matches full pinyin, initials and a mix of both from any character on', () => {
    expect(pinyinOf('婚')).toEqual(['hun']);
    for (const query of ['hunyin', 'hydj', 'hunyindj', 'hyden', 'dengji', 'HunYin', 'hun yin', 'hu']) expect(matchesPinyin('婚姻登记档案查询', query), query).toBe(true);
    expect(matchesPinyin('最低生活保障申请', 'dibao')).toBe(false); // 低生活保: the letters must follow each other
    expect(matchesPinyin('低保', 'dibao')).toBe(true);
    expect(matchesPinyin('最低生活保障申请', 'zuidi')).toBe(true);
  });

  it('does not match what the text does not say', () => {
    for (const query of ['hunyinx', 'yinhun', 'dibao', 'hunyin登记', '']) expect(matchesPinyin('婚姻登记档案查询', query), query).toBe(false);
  });
});

describe('matchesSearch', () => {
  it('finds an item by characters, pinyin or an alias', () => {
    const dibao = ['最低生活保障申请', '低保', '低保申请', '内蒙古自治区民政厅', 'SAMPLE-MZ-0002'];
    for (const query of ['低保', 'dibao', 'dbsq', '最低生活', 'zdshbz', 'minzheng', 'sample-mz', '']) expect(matchesSearch(dibao, query), query).toBe(true);
    for (const query of ['hunyin', '婚姻', 'shebao']) expect(matchesSearch(dibao, query), query).toBe(false);
  });
});
