import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { uiText } from '../core/index.js';
import { withElement } from './index.js';

const paragraph = (content: ReturnType<typeof withElement>) => renderToStaticMarkup(createElement('p', null, content));

describe('withElement', () => {
  it('puts the element where the placeholder stands', () => {
    const link = createElement('a', { href: '/d' }, '审批部门入口');
    expect(paragraph(withElement(uiText('runtime.clerk.departmentFooter'), 'link', link))).toBe('<p>审批部门人员请到<a href="/d">审批部门入口</a>登录。</p>');
  });

  it('keeps an empty side empty when the placeholder opens the sentence', () => {
    const place = createElement('strong', null, 'ᠬᠣᠲᠠ');
    expect(paragraph(withElement(uiText('runtime.decision.redirect', 'mn-Mong'), 'where', place))).toBe('<p><strong>ᠬᠣᠲᠠ</strong> ᠲᠤ ᠣᠴᠢᠵᠤ ᠪᠠᠷᠢᠭᠲᠤᠨ᠎ᠠ ᠤᠤ᠃</p>');
  });

  it('ends the sentence with the element when the placeholder is missing', () => {
    expect(paragraph(withElement('请到窗口办理。', 'where', createElement('strong', null, '窗口')))).toBe('<p>请到窗口办理。<strong>窗口</strong></p>');
  });
});
