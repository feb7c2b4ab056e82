import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { buildServiceGuide, renderServiceGuideHtml } from './service-guide.js';

const HASH = `sha256:${'c'.repeat(64)}`;
const HREF = `/api/templates/${encodeURIComponent(HASH)}?name=${encodeURIComponent('申请表.pdf')}`;

function bilingualWithTemplateFile() {
  const config = itemConfig('TPL-MN');
  const material = config.standard.materials[0]!.id;
  config.standard.materialTemplates = [{ materialId: material, name: '申请表空白表格', file: { hash: HASH, name: '申请表.pdf' } }];
  (config.standard as { bilingual?: boolean }).bilingual = true;
  (config as { translations?: Record<string, Record<string, string>> }).translations = { 'mn-Mong': { [`standard.materialTemplates.${material}.name`]: 'ᠬᠦᠰᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠡᠪ' } };
  return config;
}

describe('the guide’s 下载模板 links in the Mongolian part of a bilingual guide', () => {
  it('the Mongolian guide carries the same links, under the template’s Mongolian name', () => {
    const guide = buildServiceGuide(bilingualWithTemplateFile(), { version: 1, hash: 'h' });
    expect(guide.templateFiles).toEqual([expect.objectContaining({ name: '申请表空白表格', href: HREF })]);
    expect(guide.translations?.['mn-Mong']?.templateFiles).toEqual([expect.objectContaining({ name: 'ᠬᠦᠰᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠡᠪ', fileName: '申请表.pdf', href: HREF })]);
  });

  it('the printed page links the file in both parts, the Mongolian one under its Mongolian heading', () => {
    const html = renderServiceGuideHtml(buildServiceGuide(bilingualWithTemplateFile(), { version: 1, hash: 'h' }));
    const mongolian = html.slice(html.indexOf('<article class="mongolian"'));
    expect(html.indexOf('<article class="mongolian"')).toBeGreaterThan(0);
    expect(mongolian).toContain('<section id="mn-templateFiles"><h2>ᠬᠡᠪ ᠢ ᠪᠠᠭᠤᠯᠭᠠᠬᠤ</h2>');
    expect(mongolian).toContain(`<a href="${HREF.replace(/&/g, '&amp;')}" download="申请表.pdf">ᠬᠦᠰᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠡᠪ (申请表.pdf)</a>`);
    const chinese = html.slice(0, html.indexOf('<article class="mongolian"'));
    expect(chinese).toContain('<h2>下载模板</h2>');
    expect(chinese).toContain('申请表空白表格（申请表.pdf）');
  });

  it('an item without template files has no download section in either part', () => {
    const config = bilingualWithTemplateFile();
    delete config.standard.materialTemplates[0]!.file;
    const html = renderServiceGuideHtml(buildServiceGuide(config, { version: 1, hash: 'h' }));
    expect(html).not.toContain('templateFiles');
  });
});
