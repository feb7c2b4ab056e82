import { describe, expect, it } from 'vitest';
import { textAround, uiText } from '../index.js';

describe('textAround', () => {
  it('cuts a sentence at its placeholder', () => {
    expect(textAround('审批部门人员请到{link}登录。', 'link')).toEqual(['审批部门人员请到', '登录。']);
  });

  it('gives the whole text before when the placeholder is missing', () => {
    expect(textAround('请到窗口办理。', 'link')).toEqual(['请到窗口办理。', '']);
    expect(textAround('请到{where}办理。', 'link')).toEqual(['请到{where}办理。', '']);
    expect(textAround('', 'link')).toEqual(['', '']);
  });

  it('leaves an empty side when the placeholder opens or closes the text', () => {
    expect(textAround('{where} ᠲᠤ ᠣᠴᠢᠵᠤ ᠪᠠᠷᠢᠭᠲᠤᠨ᠎ᠠ ᠤᠤ᠃', 'where')).toEqual(['', ' ᠲᠤ ᠣᠴᠢᠵᠤ ᠪᠠᠷᠢᠭᠲᠤᠨ᠎ᠠ ᠤᠤ᠃']);
    expect(textAround('请复制保存后 {signIn}', 'signIn')).toEqual(['请复制保存后 ', '']);
    expect(textAround('{seq}', 'seq')).toEqual(['', '']);
  });

  it('cuts at the first of two placeholders and keeps the second in the text after it', () => {
    expect(textAround('先{x}中{x}后', 'x')).toEqual(['先', '中{x}后']);
  });

  it('matches the whole placeholder only, not a longer name or a bare word', () => {
    expect(textAround('{links} link {link}。', 'link')).toEqual(['{links} link ', '。']);
  });

  it('cuts a rendered catalogue sentence whose other placeholders are filled', () => {
    const [before, after] = textAround(uiText('runtime.clerk.loadError', 'zh-CN', { error: '网络错误' }), 'link');
    expect(before).toBe('无法加载本区划的事项：网络错误。请检查网址中的区划代码，或');
    expect(after).toBe('。');
  });
});
